using IncidentBot.Incidents;
using LiteDB;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// The rows every PostgreSQL store writes beside an incident change, inside the caller's transaction: outbox messages
/// (each write that adds some for an incident first takes that incident's lock, so each lane's ids commit in id order and
/// a deliverer never sees message 7 before message 6), audit entries and timeline entries.
/// </summary>
public static class PostgresRows
{
    /// <summary>The first key of the per-incident advisory locks (the second is the incident's number): "Inc" in ASCII.</summary>
    private const int IncidentLocks = 0x496E63;

    /// <summary>Holds, until the transaction ends, the lock of each incident named, in one order so two writers never deadlock.</summary>
    public static async Task LockIncidentsAsync(NpgsqlConnection connection, IEnumerable<IncidentId> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        foreach (var incident in incidents.Select(i => i.Value).Distinct().Order())
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, @incident)", connection);
            command.Parameters.AddWithValue("class", IncidentLocks);
            command.Parameters.AddWithValue("incident", incident);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stores <paramref name="messages"/> in their order under their incidents' locks, and gives each its id.</summary>
    public static async Task InsertOutboxAsync(NpgsqlConnection connection, BsonMapper mapper, IReadOnlyList<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        await LockIncidentsAsync(connection, messages.Select(m => m.IncidentId)).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var message in messages)
        {
            var insert = new NpgsqlBatchCommand("INSERT INTO outbox (incident, lane, state, body) VALUES (@incident, @lane, @state, @body) RETURNING id");
            insert.Parameters.AddWithValue("incident", message.IncidentId.Value);
            insert.Parameters.AddWithValue("lane", message.Lane);
            insert.Parameters.AddWithValue("state", message.State.ToString());
            insert.Parameters.AddWithValue("body", WithoutId(mapper, message));
            batch.BatchCommands.Add(insert);
        }

        await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
        foreach (var message in messages)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            message.Id = reader.GetInt64(0);
            await reader.NextResultAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stores an outbox message's progress, its index columns with it.</summary>
    public static async Task UpdateOutboxAsync(NpgsqlConnection connection, BsonMapper mapper, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var update = new NpgsqlCommand("UPDATE outbox SET incident = @incident, lane = @lane, state = @state, body = @body WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", message.Id);
        update.Parameters.AddWithValue("incident", message.IncidentId.Value);
        update.Parameters.AddWithValue("lane", message.Lane);
        update.Parameters.AddWithValue("state", message.State.ToString());
        update.Parameters.AddWithValue("body", WithoutId(mapper, message));
        await update.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>An outbox row as a message: its id is the row's.</summary>
    public static OutboxMessage ReadOutbox(BsonMapper mapper, long id, string body)
    {
        var message = PostgresBodies.Read<OutboxMessage>(mapper, body);
        message.Id = id;
        return message;
    }

    /// <summary>Stores <paramref name="entry"/> and gives it its id.</summary>
    public static async Task InsertAuditAsync(NpgsqlConnection connection, BsonMapper mapper, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var insert = new NpgsqlCommand("INSERT INTO audit (incident, body) VALUES (@incident, @body) RETURNING id", connection);
        insert.Parameters.AddWithValue("incident", entry.IncidentId is { } incident ? incident.Value : DBNull.Value);
        insert.Parameters.AddWithValue("body", WithoutId(mapper, entry));
        entry.Id = (long)(await insert.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    /// <summary>An audit row as an entry: its id is the row's.</summary>
    public static AuditEntry ReadAudit(BsonMapper mapper, long id, string body)
    {
        var entry = PostgresBodies.Read<AuditEntry>(mapper, body);
        entry.Id = id;
        return entry;
    }

    /// <summary>Appends <paramref name="entries"/> to the incident's timeline, in their order.</summary>
    public static async Task InsertTimelineAsync(NpgsqlConnection connection, BsonMapper mapper, IncidentId incident, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand("INSERT INTO timeline (incident, body) SELECT @incident, b FROM unnest(@bodies) WITH ORDINALITY AS e(b, n) ORDER BY n", connection);
        insert.Parameters.AddWithValue("incident", incident.Value);
        insert.Parameters.AddWithValue("bodies", entries.Select(e => PostgresBodies.Write(mapper, e)).ToArray());
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>A row's body without the id: that lives in the row's <c>id</c> alone, which the database hands out.</summary>
    private static string WithoutId<T>(BsonMapper mapper, T value)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        var document = mapper.ToDocument(value);
        document.Remove("_id");
        return LiteDB.JsonSerializer.Serialize(document);
    }
}
