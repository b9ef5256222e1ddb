using NodaTime;

namespace IncidentBot.Storage;

/// <summary>The outbox as an operator sees it: how much waits, what was set aside (<see cref="OutboxState.Parked"/>), and putting it back.</summary>
public partial interface IIncidentStore
{
    /// <summary>How many outbox messages are pending and how many are parked.</summary>
    (int Pending, int Parked) OutboxCounts();

    /// <summary>
    /// The messages that need an operator's eye, oldest first, at most <paramref name="max"/>: the parked ones, the ones
    /// that failed for good (Slack refused them, or no step carries out their kind) while they are kept, and the pending
    /// ones whose attempts have failed so far (stuck, retrying with back-off).
    /// </summary>
    IReadOnlyList<OutboxMessage> TroubledOutbox(int max);

    /// <summary>
    /// Puts the parked message <paramref name="id"/> back to pending, due at <paramref name="now"/>, with a full allowance of
    /// attempts, and stores the audit entry <paramref name="audit"/> makes of it in the same transaction. Null when no parked message has that id.
    /// </summary>
    Task<OutboxMessage?> RetryParkedAsync(long id, Instant now, Func<OutboxMessage, AuditEntry> audit);
}
