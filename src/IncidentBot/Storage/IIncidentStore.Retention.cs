using NodaTime;

namespace IncidentBot.Storage;

/// <summary>What the retention work (<c>Retention.RetentionWork</c>) asks of the store: old rows removed in small batches, and the file compacted.</summary>
public partial interface IIncidentStore
{
    /// <summary>
    /// Deletes at most <paramref name="max"/> outbox messages in <paramref name="state"/> decided before
    /// <paramref name="before"/>, oldest first, in one short transaction; returns how many. Pending messages are never pruned.
    /// </summary>
    Task<int> PruneOutboxAsync(OutboxState state, Instant before, int max);

    /// <summary>Deletes at most <paramref name="max"/> audit entries written before <paramref name="before"/>, oldest first; returns how many.</summary>
    Task<int> PruneAuditAsync(Instant before, int max);

    /// <summary>
    /// LiteDB: writes the log into the data file (a checkpoint), so the space pruning freed is reused; PostgreSQL:
    /// nothing, autovacuum reclaims deleted rows. Returns the data file's size in bytes (null on PostgreSQL).
    /// </summary>
    Task<long?> CompactAsync();
}
