using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// One line of an incident's timeline: what happened, when, and who did it. <see cref="Text"/> is plain; the people and
/// places the entry names are facts (<see cref="From"/>, <see cref="To"/>) that renderers name in their own syntax
/// (<see cref="Describe"/>). Entries stored before the facts were kept have none, and may carry Slack mentions in their text.
/// </summary>
public sealed record TimelineEntry(Instant At, TimelineKind Kind, ResponderId Actor, string Text)
{
    /// <summary>Who something moved away from (a role's previous holder); empty when the entry moved nothing.</summary>
    public IReadOnlyList<TimelineParty> From { get; init; } = [];

    /// <summary>Who the entry is about (a role's new holder, those called in); with <see cref="From"/>, empty means nobody.</summary>
    public IReadOnlyList<TimelineParty> To { get; init; } = [];

    /// <summary>The entry as one line, with <paramref name="plain"/> writing the text and <paramref name="party"/> naming each party.</summary>
    public string Describe(Func<string, string> plain, Func<TimelineParty, string> party) => TimelineWording.Describe(Text, From, To, plain, party);

    public bool Equals(TimelineEntry? other) =>
        other is not null && At == other.At && Kind == other.Kind && Actor == other.Actor
        && string.Equals(Text, other.Text, StringComparison.Ordinal) && From.SequenceEqual(other.From) && To.SequenceEqual(other.To);

    public override int GetHashCode() => HashCode.Combine(At, Kind, Actor, Text, From.Count, To.Count);
}
