using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// Detection and response times, from what the bot recorded. The bot cannot know when impact began, so detection
/// counts from the first signal it has: the earliest message on the timeline, if one was written before the declaration
/// (an alert pasted into the war room, say), else the declaration itself. Response times count from the declaration.
/// </summary>
public sealed record PostmortemMetrics(Instant FirstSignal, Instant? IdentifiedAt, Instant? ResolvedAt, Duration TimeToDeclare, Duration? TimeToIdentified, Duration? TimeToResolve)
{
    // The timeline is the only record of status moves; the domain writes each as "Status <from> → <to>".
    private static readonly string ToIdentified = "→ " + IncidentLifecycle.Word(IncidentStatus.Identified);

    public static PostmortemMetrics Measure(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ScribeNote> notes)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(notes);
        var declared = incident.DeclaredAt;
        var firstSignal = notes.Select(n => n.WrittenAt).Where(at => at < declared).DefaultIfEmpty(declared).Min();
        var identified = timeline
            .Where(e => e.Kind == TimelineKind.StatusChanged && e.Text.EndsWith(ToIdentified, StringComparison.Ordinal))
            .Select(e => (Instant?)e.At)
            .FirstOrDefault();
        return new PostmortemMetrics(
            firstSignal,
            identified,
            incident.ResolvedAt,
            declared - firstSignal,
            identified - declared,
            incident.ResolvedAt - declared);
    }
}
