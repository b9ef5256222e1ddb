using System.Globalization;

namespace IncidentBot.Incidents;

/// <summary>
/// Settings of the "Limits" section: how much one incident may hold, so no command, form, button or alert grows it
/// without bound. A person over a limit is refused, saying the limit, and nothing is stored; text from an alert is cut
/// to fit, with a marker (<see cref="Fit"/>). The bot's own events (severity, status, escalation steps) are always recorded.
/// </summary>
public sealed class IncidentLimits
{
    public const string Section = "Limits";

    /// <summary>The marker that ends text cut to fit.</summary>
    public const string CutMarker = " … [cut]";

    /// <summary>Characters in a title. Default 150.</summary>
    public int TitleLength { get; set; } = 150;

    /// <summary>Characters in the impact (summary), an update, the resolution or a status-page draft. Default 3,000.</summary>
    public int TextLength { get; set; } = 3000;

    /// <summary>Characters in an action item. Default 500.</summary>
    public int ActionItemLength { get; set; } = 500;

    /// <summary>Characters in a scribe note. Default 4,000.</summary>
    public int NoteLength { get; set; } = 4000;

    /// <summary>Action items per incident. Default 50.</summary>
    public int ActionItems { get; set; } = 50;

    /// <summary>People and groups called in per incident (<c>/incident escalate</c> and the matrix together). Default 50.</summary>
    public int EscalationTargets { get; set; } = 50;

    /// <summary>Scribe notes per incident. Default 5,000.</summary>
    public int Notes { get; set; } = 5000;

    /// <summary>Timeline entries people write per incident: updates and status-page drafts. Default 2,000.</summary>
    public int TimelineEntries { get; set; } = 2000;

    /// <summary>
    /// People recorded as the incident's members (the reporter, and whoever the bot got into its war room: named, from a
    /// user group or an on-call schedule). Default 1,000. Past it, people still get into the war room.
    /// </summary>
    public int Responders { get; set; } = 1000;

    /// <summary>Every limit that is not a positive number, named as in the configuration; empty when all are.</summary>
    public IEnumerable<string> Invalid() =>
        new (string Name, int Value)[]
        {
            (nameof(TitleLength), TitleLength), (nameof(TextLength), TextLength), (nameof(ActionItemLength), ActionItemLength),
            (nameof(NoteLength), NoteLength), (nameof(ActionItems), ActionItems), (nameof(EscalationTargets), EscalationTargets),
            (nameof(Notes), Notes), (nameof(TimelineEntries), TimelineEntries), (nameof(Responders), Responders),
        }.Where(l => l.Value <= 0).Select(l => $"{Section}:{l.Name} must be a positive number, not {l.Value.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Null when a new incident's title and impact fit; else the refusal, saying the limit.</summary>
    public string? Refusal(string title, string impact)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(impact);
        return TooLong("a title", title.Trim(), TitleLength) ?? TooLong("the impact", impact.Trim(), TextLength);
    }

    /// <summary>
    /// Null when what a decision did to <paramref name="after"/> (which stood at <paramref name="before"/>) fits; else the
    /// refusal. Only what grew counts, so an incident the bot's own events took past a limit can still be steered and closed.
    /// </summary>
    public string? Refusal(IncidentSize before, Incident after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var now = IncidentSize.Of(after);
        var written = after.Recorded.Where(e => e.Kind is TimelineKind.Update or TimelineKind.StatusPage).ToList();
        return (now.ActionItems > before.ActionItems ? TooLong("an action item", after.ActionItems[^1].Text, ActionItemLength) : null)
            ?? (now.ActionItems > ActionItems && now.ActionItems > before.ActionItems ? $"an incident holds at most {ActionItems} action items; mark some done or keep them elsewhere" : null)
            ?? (now.EscalatedTo > EscalationTargets && now.EscalatedTo > before.EscalatedTo ? $"an incident calls in at most {EscalationTargets} people and groups; it has called {before.EscalatedTo}" : null)
            ?? (now.Written > TimelineEntries && now.Written > before.Written ? $"an incident's timeline holds at most {TimelineEntries} updates and drafts; it has {before.Written}" : null)
            ?? (after.Resolution != before.Resolution ? TooLong("a resolution", after.Resolution ?? "", TextLength) : null)
            ?? written.Select(e => TooLong(e.Kind == TimelineKind.Update ? "an update" : "a status-page draft", e.Text, TextLength)).FirstOrDefault(r => r is not null);
    }

    /// <summary>Null when a scribe note fits beside the <paramref name="notesSoFar"/> notes the incident has; else the refusal.</summary>
    public string? NoteRefusal(string text, int notesSoFar)
    {
        ArgumentNullException.ThrowIfNull(text);
        return notesSoFar >= Notes ? $"an incident holds at most {Notes} notes; it has {notesSoFar}" : TooLong("a note", text, NoteLength);
    }

    /// <summary><paramref name="text"/> as it is when it fits in <paramref name="max"/> characters, else cut to fit and ending with <see cref="CutMarker"/>.</summary>
    public static string Fit(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var keep = Math.Max(0, max - CutMarker.Length);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + CutMarker;
    }

    private static string? TooLong(string what, string text, int max) =>
        Typed(text) is var length && length > max ? $"{what} is at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters; this one has {length.ToString("N0", CultureInfo.InvariantCulture)}" : null;

    /// <summary>Characters as typed: Slack sends <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as entities, each one character to the typist.</summary>
    private static int Typed(string text) =>
        text.Length - (4 * Count(text, "&amp;")) - (3 * Count(text, "&lt;")) - (3 * Count(text, "&gt;"));

    private static int Count(string text, string entity)
    {
        var count = 0;
        for (var at = text.IndexOf(entity, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entity, at + entity.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
