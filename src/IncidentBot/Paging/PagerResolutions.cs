using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.Paging;

/// <summary>
/// When an incident is resolved, cancelled or failed, every pager service it triggered is resolved too, in the same
/// transaction; a reopen triggers them again (<see cref="PagerReopening"/>).
/// </summary>
public sealed class PagerResolutions : IIncidentChangeListener
{
    private static readonly TimelineKind[] Ends = [TimelineKind.Resolved, TimelineKind.Cancelled, TimelineKind.Failed];

    public IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(added);
        return added.FirstOrDefault(e => Ends.Contains(e.Kind)) is { } resolved
            ? incident.Paged.Select(service => Pager(incident, OutboxKind.Unpage, service, resolved.At)).ToList()
            : [];
    }

    /// <summary>A trigger or resolution of <paramref name="service"/>, on the incident's pager lane so they stay in order.</summary>
    public static OutboxMessage Pager(Incident incident, OutboxKind kind, string service, NodaTime.Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var message = OutboxMessage.For(incident.Id.Value, kind, now);
        message.Lane = OutboxMessage.PagerLane;
        message.Target = service;
        return message;
    }
}
