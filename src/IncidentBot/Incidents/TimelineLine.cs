using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// One line of the whole timeline, whatever put it there: a bot-recorded event or a scribe note.
/// <see cref="Author"/> is who wrote a noted message (null for events and bot messages); <see cref="Actor"/> who acted.
/// </summary>
public sealed record TimelineLine(Instant At, TimelineKind Kind, ResponderId Actor, string Text, ResponderId? Author = null, string? Permalink = null)
{
    /// <summary>As <see cref="TimelineEntry.From"/>.</summary>
    public IReadOnlyList<TimelineParty> From { get; init; } = [];

    /// <summary>As <see cref="TimelineEntry.To"/>.</summary>
    public IReadOnlyList<TimelineParty> To { get; init; } = [];

    /// <summary>As <see cref="TimelineEntry.Describe"/>.</summary>
    public string Describe(Func<string, string> plain, Func<TimelineParty, string> party) => TimelineWording.Describe(Text, From, To, plain, party);

    /// <summary>Bot events and scribe notes in time order; notes by when the message was written.</summary>
    public static IReadOnlyList<TimelineLine> Merge(IEnumerable<TimelineEntry> timeline, IEnumerable<ScribeNote> notes)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(notes);
        var events = timeline.Select(e => new TimelineLine(e.At, e.Kind, e.Actor, e.Text) { From = e.From, To = e.To });
        var noted = notes.Select(n => new TimelineLine(
            n.WrittenAt,
            TimelineKind.Note,
            n.AddedBy,
            n.TextPending ? "(fetching the message…)" : n.Text,
            n.Author,
            n.Permalink));
        return events.Concat(noted).OrderBy(l => l.At).ToList();
    }
}
