using NodaTime;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// Retention on PostgreSQL: each batch is one short transaction of its own. A row's age is in its body, so a batch reads
/// the oldest rows of its kind by id (the order they were written) and deletes those older than the cut-off. Deleted
/// rows are reclaimed by autovacuum; nothing here compacts.
/// </summary>
public sealed partial class PostgresIncidentStore
{
    public async Task<int> PruneOutboxAsync(OutboxState state, Instant before, int max)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(state, OutboxState.Pending);
        var doomed = Rows(
                "SELECT id, body FROM outbox WHERE state = @state ORDER BY id LIMIT @max",
                r => PostgresRows.ReadOutbox(mapper, r.GetInt64(0), r.GetString(1)),
                ("state", state.ToString()),
                ("max", max))
            .Where(m => m.CreatedAt < before)
            .Select(m => m.Id)
            .ToArray();

        // The state is checked again in the delete: a message is never taken from under a retry that moved it meanwhile.
        return await DeleteAsync("DELETE FROM outbox WHERE id = ANY(@ids) AND state = @state", doomed, ("state", state.ToString())).ConfigureAwait(false);
    }

    public async Task<int> PruneAuditAsync(Instant before, int max)
    {
        var doomed = Rows("SELECT id, body FROM audit ORDER BY id LIMIT @max", r => PostgresRows.ReadAudit(mapper, r.GetInt64(0), r.GetString(1)), ("max", max))
            .TakeWhile(a => a.At < before)
            .Select(a => a.Id)
            .ToArray();
        return await DeleteAsync("DELETE FROM audit WHERE id = ANY(@ids)", doomed).ConfigureAwait(false);
    }

    public Task<long?> CompactAsync() => Task.FromResult<long?>(null);

    private async Task<int> DeleteAsync(string sql, long[] ids, params (string Name, object Value)[] parameters)
    {
        if (ids.Length == 0)
        {
            return 0;
        }

        await using var delete = Command(sql, [("ids", ids), .. parameters]);
        return await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
