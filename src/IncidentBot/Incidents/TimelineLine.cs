using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// One line of the whole timeline, whatever put it there: a bot-recorded event or a scribe note.
/// <see cref="Author"/> is who wrote a noted message (null for events and bot messages); <see cref="Actor"/> who acted.
/// </summary>
public sealed record TimelineLine(Instant At, TimelineKind Kind, ResponderId Actor, string Text, ResponderId? Author = null, string? Permalink = null)
{
    /// <summary>Bot events and scribe notes in time order; notes by when the message was written.</summary>
    public static IReadOnlyList<TimelineLine> Merge(IEnumerable<TimelineEntry> timeline, IEnumerable<ScribeNote> notes)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(notes);
        var events = timeline.Select(e => new TimelineLine(e.At, e.Kind, e.Actor, e.Text));
        var noted = notes.Select(n => new TimelineLine(
            n.WrittenAt,
            TimelineKind.Note,
            new ResponderId(n.AddedBy),
            n.TextPending ? "(fetching the message…)" : n.Text,
            n.Author is null ? null : new ResponderId(n.Author),
            n.Permalink));
        return events.Concat(noted).OrderBy(l => l.At).ToList();
    }
}
