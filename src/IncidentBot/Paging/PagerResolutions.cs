using IncidentBot.Incidents;
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
            ? incident.Paged.Select(service => Resolve(incident, service, resolved.At)).ToList()
            : [];
    }

    /// <summary>A trigger of <paramref name="service"/>, on the incident's pager lane so triggers and resolutions stay in order.</summary>
    public static OutboxMessage Trigger(Incident incident, string service, NodaTime.Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return OutboxMessage.For(incident.Id, new Page(service), now).InLane(OutboxMessage.PagerLane);
    }

    /// <summary>A resolution of <paramref name="service"/>, on the incident's pager lane.</summary>
    public static OutboxMessage Resolve(Incident incident, string service, NodaTime.Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return OutboxMessage.For(incident.Id, new Unpage(service), now).InLane(OutboxMessage.PagerLane);
    }
}
