using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.Paging;

/// <summary>The outbox step of <see cref="Unpage"/>: the pager's alert of the incident is resolved.</summary>
public sealed class UnpageStep(PagerClient pagers) : TypedOutboxStep<Unpage>
{
    protected override Task RunAsync(OutboxAttempt attempt, Unpage payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        return pagers.SendAsync(payload.Service, attempt.Incident, trigger: false, cancellationToken);
    }

    protected override Unpage Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Target ?? "");
    }
}
