using IncidentBot.Incidents;
using IncidentBot.Slack;
using LiteDB;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// <see cref="INoteStore"/> on PostgreSQL, as <see cref="LiteDbNoteStore"/> behaves: the note's key is its identity, so a
/// repeated reaction on any replica cannot add it twice, and every read-modify-write of a note holds its row locked
/// until it commits with its follow-ups.
/// </summary>
public sealed partial class PostgresNoteStore(PostgresDatabase database, StoreSignals signals) : INoteStore
{
    private readonly NpgsqlDataSource source = database.Source;
    private readonly BsonMapper mapper = BsonMappings.Create();

    public async Task<bool> TryAddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps, int maxNotes = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(followUps);
        var added = await database.WriteAsync(async connection =>
        {
            await using (var insert = new NpgsqlCommand("INSERT INTO notes (key, incident, body) VALUES (@key, @incident, @body) ON CONFLICT (key) DO NOTHING", connection))
            {
                AddNote(insert, note);
                if (await insert.ExecuteNonQueryAsync().ConfigureAwait(false) == 0)
                {
                    return false;
                }
            }

            // Counted under the incident's lock (taken after the note's row, as a release takes them), so a note added at
            // once on another replica is counted once it commits; one over the limit goes again, with nothing queued.
            await PostgresRows.LockIncidentsAsync(connection, [note.IncidentId]).ConfigureAwait(false);
            await using (var count = new NpgsqlCommand("SELECT count(*) FROM notes WHERE incident = @incident", connection))
            {
                count.Parameters.AddWithValue("incident", note.IncidentId.Value);
                if ((long)(await count.ExecuteScalarAsync().ConfigureAwait(false))! > maxNotes)
                {
                    await ExecuteAsync(connection, "DELETE FROM notes WHERE key = @key", note.Key).ConfigureAwait(false);
                    return false;
                }
            }

            await PostgresRows.InsertOutboxAsync(connection, mapper, followUps).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        if (added)
        {
            signals.Added(followUps);
        }

        return added;
    }

    public async Task<bool> TryRemoveAsync(string key, Func<ScribeNote, bool> release, IReadOnlyList<OutboxMessage> followUps)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(followUps);
        var removed = await database.WriteAsync(async connection =>
        {
            if (await LockedAsync(connection, key).ConfigureAwait(false) is not { } latest)
            {
                return false;
            }

            if (!release(latest))
            {
                await SaveAsync(connection, latest).ConfigureAwait(false);
                return false;
            }

            await ExecuteAsync(connection, "DELETE FROM notes WHERE key = @key", key).ConfigureAwait(false);
            await PostgresRows.InsertOutboxAsync(connection, mapper, followUps).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        if (removed)
        {
            signals.Added(followUps);
        }

        return removed;
    }

    public ScribeNote? Find(string key)
    {
        using var command = source.CreateCommand("SELECT body FROM notes WHERE key = @key");
        command.Parameters.AddWithValue("key", key);
        return command.ExecuteScalar() is string body ? PostgresBodies.Read<ScribeNote>(mapper, body) : null;
    }

    public IReadOnlyList<ScribeNote> ForIncident(IncidentId incident)
    {
        using var command = source.CreateCommand("SELECT body FROM notes WHERE incident = @incident");
        command.Parameters.AddWithValue("incident", incident.Value);
        var found = new List<ScribeNote>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add(PostgresBodies.Read<ScribeNote>(mapper, reader.GetString(0)));
            }
        }

        return [.. found.OrderBy(n => n.WrittenAt).ThenBy(n => n.MessageTs, StringComparer.Ordinal)];
    }

    public Task<bool> UpdateAsync(string key, Action<ScribeNote> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return database.WriteAsync(async connection =>
        {
            if (await LockedAsync(connection, key).ConfigureAwait(false) is not { } latest)
            {
                return false;
            }

            change(latest);
            await SaveAsync(connection, latest).ConfigureAwait(false);
            return true;
        });
    }

    public async Task RemoveAsync(string key)
    {
        await using var connection = await source.OpenConnectionAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, "DELETE FROM notes WHERE key = @key", key).ConfigureAwait(false);
    }

    public async Task KeepAsync(CachedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Key = CachedMessage.KeyOf(message.Channel, message.Ts);
        await using var upsert = source.CreateCommand("INSERT INTO messages (key, body) VALUES (@key, @body) ON CONFLICT (key) DO UPDATE SET body = excluded.body");
        upsert.Parameters.AddWithValue("key", message.Key);
        upsert.Parameters.AddWithValue("body", PostgresBodies.Write(mapper, message));
        await upsert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public CachedMessage? FindMessage(SlackChannelId channel, string ts)
    {
        using var command = source.CreateCommand("SELECT body FROM messages WHERE key = @key");
        command.Parameters.AddWithValue("key", CachedMessage.KeyOf(channel, ts));
        return command.ExecuteScalar() is string body ? PostgresBodies.Read<CachedMessage>(mapper, body) : null;
    }

    public async Task ForgetMessageAsync(SlackChannelId channel, string ts)
    {
        await using var connection = await source.OpenConnectionAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, "DELETE FROM messages WHERE key = @key", CachedMessage.KeyOf(channel, ts)).ConfigureAwait(false);
    }

    /// <summary>The note as stored now, its row locked until the transaction ends, so a change beside it waits for this one.</summary>
    private async Task<ScribeNote?> LockedAsync(NpgsqlConnection connection, string key)
    {
        await using var select = new NpgsqlCommand("SELECT body FROM notes WHERE key = @key FOR UPDATE", connection);
        select.Parameters.AddWithValue("key", key);
        return await select.ExecuteScalarAsync().ConfigureAwait(false) is string body ? PostgresBodies.Read<ScribeNote>(mapper, body) : null;
    }

    private async Task SaveAsync(NpgsqlConnection connection, ScribeNote note)
    {
        await using var update = new NpgsqlCommand("UPDATE notes SET incident = @incident, body = @body WHERE key = @key", connection);
        AddNote(update, note);
        await update.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private void AddNote(NpgsqlCommand command, ScribeNote note)
    {
        command.Parameters.AddWithValue("key", note.Key);
        command.Parameters.AddWithValue("incident", note.IncidentId.Value);
        command.Parameters.AddWithValue("body", PostgresBodies.Write(mapper, note));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string key)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
