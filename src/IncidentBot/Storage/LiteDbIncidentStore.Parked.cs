using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>The operator's view of the outbox on LiteDB (see <see cref="IIncidentStore.TroubledOutbox"/>).</summary>
public sealed partial class LiteDbIncidentStore
{
    public (int Pending, int Parked) OutboxCounts() => LiteDbLimits.Read(() =>
        (rawOutbox.Count(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Pending))),
         rawOutbox.Count(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Parked)))));

    public IReadOnlyList<OutboxMessage> TroubledOutbox(int max) => LiteDbLimits.Read(() =>
        outbox.Find(m => m.State == OutboxState.Parked || m.State == OutboxState.Failed || (m.State == OutboxState.Pending && m.Attempts > 0))
            .OrderBy(m => m.Id)
            .Take(max)
            .ToList());

    public async Task<OutboxMessage?> RetryParkedAsync(long id, Instant now, Func<OutboxMessage, AuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var retried = await writer.WriteAsync<OutboxMessage?>(() =>
        {
            if (outbox.ById(id) is not { State: OutboxState.Parked } message)
            {
                return null;
            }

            ParkedOutbox.Unpark(message, now);
            outbox.Update(message);
            this.audit.Insert(audit(message));
            return message;
        }).ConfigureAwait(false);
        if (retried is not null)
        {
            Notify([retried], changed: null);
        }

        return retried;
    }

}
