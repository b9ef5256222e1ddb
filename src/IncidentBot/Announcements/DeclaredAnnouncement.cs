using IncidentBot.Incidents;
using IncidentBot.Storage;

namespace IncidentBot.Announcements;

/// <summary>
/// A declaration, from whichever path declared it, is announced in the same transaction on the announcement lane. A
/// drill stays in its war room: nobody outside is told (a private incident is left out by the step itself).
/// </summary>
public sealed class DeclaredAnnouncement : IIncidentChangeListener
{
    public IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(added);
        return incident.IsDrill || added.FirstOrDefault(e => e.Kind == TimelineKind.Declared) is not { } declared
            ? []
            : [OutboxMessage.For(incident.Id, new Announce(), declared.At).InLane(OutboxMessage.AnnounceLane)];
    }
}
