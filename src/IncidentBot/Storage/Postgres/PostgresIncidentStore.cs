using IncidentBot.Incidents;
using LiteDB;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// <see cref="IIncidentStore"/> on PostgreSQL, for any number of replicas on one database. Each write is one transaction
/// of its own: the incident change, its timeline entries, its outbox messages (the listeners' too) and its audit entry
/// commit together or not at all. Changes to one incident serialise on its row lock (<c>FOR UPDATE</c>), whichever
/// replica makes them, and every write that adds outbox messages holds its incidents' advisory locks
/// (<see cref="PostgresRows"/>), so each lane's messages commit in the order of their ids.
/// </summary>
public sealed partial class PostgresIncidentStore : IIncidentStore
{
    // Deferred audit entries on their way at once; past it they are shed, as on LiteDB, rather than queued for the pool.
    private const int MaxAuditsInFlight = 256;

    private static readonly string[] NotFinal =
        [.. Enum.GetValues<IncidentStatus>().Where(s => !IncidentLifecycle.IsFinal(s)).Select(s => s.ToString())];

    private static readonly string[] Open =
        [.. Enum.GetValues<IncidentStatus>().Where(IncidentLifecycle.IsOpen).Select(s => s.ToString())];

    private readonly NpgsqlDataSource source;
    private readonly BsonMapper mapper = BsonMappings.Create();
    private readonly StoreSignals signals;
    private readonly IReadOnlyList<IIncidentChangeListener> listeners;
    private int auditsInFlight;
    private long auditsShed;

    private readonly PostgresDatabase database;

    public PostgresIncidentStore(PostgresDatabase database, StoreSignals signals, IEnumerable<IIncidentChangeListener>? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        source = database.Source;
        this.database = database;
        this.signals = signals;
        this.listeners = listeners?.ToList() ?? [];
    }

    public async Task<Incident> InsertAsync(Func<IncidentId, IncidentDeclaration> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var declaration = await WriteAsync(async connection =>
        {
            // The counter's row stays locked until the commit: a second declaration waits, and one rolled back hands its number on.
            await using var next = new NpgsqlCommand(
                "INSERT INTO counters (name, next) VALUES ('incident', 2) ON CONFLICT (name) DO UPDATE SET next = counters.next + 1 RETURNING next - 1",
                connection);
            var id = new IncidentId(Convert.ToInt32(await next.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture));
            var built = build(id);
            await WriteIncidentAsync(connection, built.Incident, insert: true).ConfigureAwait(false);
            List<OutboxMessage> added = [.. built.Outbox, .. Heard(built.Incident, built.Incident.Recorded)];
            await SaveRecordedAsync(connection, built.Incident).ConfigureAwait(false);
            await PostgresRows.InsertOutboxAsync(connection, mapper, added).ConfigureAwait(false);
            await PostgresRows.InsertAuditAsync(connection, mapper, built.Audit).ConfigureAwait(false);
            return (built.Incident, Added: added);
        }).ConfigureAwait(false);
        Notify(declaration.Added, incidentChanged: true);
        return declaration.Incident;
    }

    public async Task<IncidentChange<T>?> UpdateAsync<T>(IncidentId id, AuditEntry entry, Func<Incident, IncidentChange<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        var result = await WriteAsync(async connection =>
        {
            // The incident's lock first, as every writer of its outbox takes it, then its row: the latest copy, held until the commit.
            await PostgresRows.LockIncidentsAsync(connection, [id]).ConfigureAwait(false);
            var incident = await LockedAsync(connection, id).ConfigureAwait(false);
            if (incident is null)
            {
                return (Decided: (IncidentChange<T>?)null, Added: (List<OutboxMessage>)[]);
            }

            var decided = change(incident);
            List<OutboxMessage> added = [];
            if (decided.Commit)
            {
                await WriteIncidentAsync(connection, incident, insert: false).ConfigureAwait(false);
                added = [.. decided.Outbox, .. Heard(incident, incident.Recorded)];
                await SaveRecordedAsync(connection, incident).ConfigureAwait(false);
            }
            else
            {
                added = [.. decided.Outbox];
            }

            await PostgresRows.InsertOutboxAsync(connection, mapper, added).ConfigureAwait(false);
            await PostgresRows.InsertAuditAsync(connection, mapper, decided.Outcome is { } outcome ? entry.WithOutcome(outcome) : entry).ConfigureAwait(false);
            return (Decided: (IncidentChange<T>?)decided, Added: added);
        }).ConfigureAwait(false);
        if (result.Decided is not null)
        {
            Notify(result.Added, result.Decided.Commit);
        }

        return result.Decided;
    }

    public async Task EnqueueAsync(AuditEntry entry, params OutboxMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(entry);
        await WriteAsync(async connection =>
        {
            await PostgresRows.InsertOutboxAsync(connection, mapper, messages).ConfigureAwait(false);
            await PostgresRows.InsertAuditAsync(connection, mapper, entry).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        Notify(messages, incidentChanged: false);
    }

    public Task AuditAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(async connection =>
        {
            await PostgresRows.InsertAuditAsync(connection, mapper, entry).ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Shed once <see cref="MaxAuditsInFlight"/> entries are already on their way.</summary>
    public long AuditsShed => Interlocked.Read(ref auditsShed);

    public Task? TryAuditLater(AuditEntry entry)
    {
        if (Interlocked.Increment(ref auditsInFlight) > MaxAuditsInFlight)
        {
            Interlocked.Decrement(ref auditsInFlight);
            Interlocked.Increment(ref auditsShed);
            return null;
        }

        return AuditThenLeaveAsync(entry);
    }

    private async Task AuditThenLeaveAsync(AuditEntry entry)
    {
        try
        {
            await AuditAsync(entry).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref auditsInFlight);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own (<see cref="PostgresDatabase.WriteAsync"/>).</summary>
    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> work) => database.WriteAsync(work);

    /// <summary>The latest copy of the incident, its row locked until the transaction ends; null when there is none.</summary>
    private async Task<Incident?> LockedAsync(NpgsqlConnection connection, IncidentId id)
    {
        await using var read = new NpgsqlCommand("SELECT body FROM incidents WHERE id = @id FOR UPDATE", connection);
        read.Parameters.AddWithValue("id", id.Value);
        return await read.ExecuteScalarAsync().ConfigureAwait(false) is string body ? PostgresBodies.Read<Incident>(mapper, body) : null;
    }

    /// <summary>Stores the incident's body with the columns its queries look it up by, always from the same copy.</summary>
    private async Task WriteIncidentAsync(NpgsqlConnection connection, Incident incident, bool insert)
    {
        await using var write = new NpgsqlCommand(
            insert
                ? "INSERT INTO incidents (id, status, war_room, next_update_due, declared_at, body) VALUES (@id, @status, @war_room, @next_update_due, @declared_at, @body)"
                : "UPDATE incidents SET status = @status, war_room = @war_room, next_update_due = @next_update_due, declared_at = @declared_at, body = @body WHERE id = @id",
            connection);
        write.Parameters.AddWithValue("id", incident.Id.Value);
        write.Parameters.AddWithValue("status", incident.Status.ToString());
        write.Parameters.Add(new NpgsqlParameter<string?>("war_room", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = incident.WarRoom.ChannelId });
        write.Parameters.Add(new NpgsqlParameter<long?>("next_update_due", NpgsqlTypes.NpgsqlDbType.Bigint) { TypedValue = incident.NextUpdateDue?.ToUnixTimeMilliseconds() });
        write.Parameters.AddWithValue("declared_at", incident.DeclaredAt.ToUnixTimeMilliseconds());
        write.Parameters.AddWithValue("body", PostgresBodies.Write(mapper, incident));
        await write.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Appends what the incident recorded to its timeline, then forgets it.</summary>
    private async Task SaveRecordedAsync(NpgsqlConnection connection, Incident incident)
    {
        await PostgresRows.InsertTimelineAsync(connection, mapper, incident.Id, incident.Recorded).ConfigureAwait(false);
        incident.Recorded.Clear();
    }

    /// <summary>What the listeners add to a change; nothing when the change added no timeline entry.</summary>
    private List<OutboxMessage> Heard(Incident incident, List<TimelineEntry> added) =>
        added.Count == 0 ? [] : listeners.SelectMany(l => l.Changed(incident, added)).ToList();

    private void Notify(IReadOnlyList<OutboxMessage> added, bool incidentChanged)
    {
        signals.Added(added);
        if (incidentChanged)
        {
            signals.Incidents.Notify();
        }
    }
}
