using NodaTime;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>The operator's view of the outbox on PostgreSQL (see <see cref="IIncidentStore.TroubledOutbox"/>).</summary>
public sealed partial class PostgresIncidentStore
{
    public (int Pending, int Parked) OutboxCounts()
    {
        var counts = Rows("SELECT state, count(*) FROM outbox WHERE state IN ('Pending', 'Parked') GROUP BY state", r => (State: r.GetString(0), Count: (int)r.GetInt64(1)));
        return (counts.Where(c => c.State == nameof(OutboxState.Pending)).Sum(c => c.Count), counts.Where(c => c.State == nameof(OutboxState.Parked)).Sum(c => c.Count));
    }

    public IReadOnlyList<OutboxMessage> TroubledOutbox(int max) =>
        [.. Rows("SELECT id, body FROM outbox WHERE state IN ('Pending', 'Parked', 'Failed') ORDER BY id", r => PostgresRows.ReadOutbox(mapper, r.GetInt64(0), r.GetString(1)))
            .Where(m => m.State != OutboxState.Pending || m.Attempts > 0)
            .Take(max)];

    public async Task<OutboxMessage?> RetryParkedAsync(long id, Instant now, Func<OutboxMessage, AuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var retried = await WriteAsync<OutboxMessage?>(async connection =>
        {
            OutboxMessage? message = null;
            await using (var read = new NpgsqlCommand("SELECT body FROM outbox WHERE id = @id AND state = 'Parked' FOR UPDATE", connection))
            {
                read.Parameters.AddWithValue("id", id);
                if (await read.ExecuteScalarAsync().ConfigureAwait(false) is string body)
                {
                    message = PostgresRows.ReadOutbox(mapper, id, body);
                }
            }

            if (message is null)
            {
                return null;
            }

            ParkedOutbox.Unpark(message, now);
            await PostgresRows.UpdateOutboxAsync(connection, mapper, message).ConfigureAwait(false);
            await PostgresRows.InsertAuditAsync(connection, mapper, audit(message)).ConfigureAwait(false);
            return message;
        }).ConfigureAwait(false);
        if (retried is not null)
        {
            Notify([retried], incidentChanged: false);
        }

        return retried;
    }
}
