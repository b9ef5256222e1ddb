using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Paging;

/// <summary>
/// A reopen, however it was made, triggers again every pager service that was resolved at the provider on resolve: the
/// people it woke are needed again.
/// </summary>
public sealed class PagerReopening : IDecisionEffects
{
    public IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Facts.Any(f => f is StatusMoved { From: IncidentStatus.Resolved } moved && IncidentLifecycle.IsOpen(moved.To))
            ? [.. incident.Paged.Select(service => PagerResolutions.Trigger(incident, service, now))]
            : [];
    }
}
