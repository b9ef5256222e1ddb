using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// A war-room message kept on the incident's timeline: its text, who wrote it and when (its ts), who put it there,
/// and its permalink once known. One note per message: <see cref="Key"/> is the incident and the message ts.
/// </summary>
public sealed class ScribeNote
{
    public string Key { get; set; } = "";

    public IncidentId IncidentId { get; set; }

    /// <summary>The message's ts; for a typed note, a ts the bot made up from the time it was typed.</summary>
    public string MessageTs { get; set; } = "";

    public string? ThreadTs { get; set; }

    /// <summary>Who wrote the message; null for bot and webhook messages.</summary>
    public ResponderId? Author { get; set; }

    public string Text { get; set; } = "";

    /// <summary>When the message was written (from its ts).</summary>
    public Instant WrittenAt { get; set; }

    public ResponderId AddedBy { get; set; }

    /// <summary>
    /// The people whose scribe reaction marks the message (never the bot's own confirming one): the note stays while
    /// one is left. Null on notes stored before they were kept, where <see cref="AddedBy"/> is the one reactor.
    /// </summary>
    public List<ResponderId>? Reactors { get; set; }

    /// <summary>Who marks the message now, reading an older note's <see cref="AddedBy"/> as its one reactor.</summary>
    public IReadOnlyList<ResponderId> MarkedBy() => Reactors ?? (Source == NoteSource.Reaction ? [AddedBy] : []);

    public Instant AddedAt { get; set; }

    public NoteSource Source { get; set; }

    public string? Permalink { get; set; }

    /// <summary>The text is not known yet: the message predates the bot's copy and is being fetched.</summary>
    public bool TextPending { get; set; }

    public static string KeyOf(IncidentId incident, string messageTs) => $"{incident.Value}:{messageTs}";

    /// <summary>Slack message ts are Unix seconds with microseconds: "1700000000.000100".</summary>
    public static Instant TsToInstant(string ts)
    {
        ArgumentNullException.ThrowIfNull(ts);
        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var seconds = long.Parse(dot < 0 ? ts : ts[..dot], System.Globalization.CultureInfo.InvariantCulture);
        var micros = dot < 0 ? 0 : long.Parse(ts[(dot + 1)..].PadRight(6, '0')[..6], System.Globalization.CultureInfo.InvariantCulture);
        return Instant.FromUnixTimeSeconds(seconds) + Duration.FromTicks(micros * 10);
    }

    public static string InstantToTs(Instant at) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.ToUnixTimeSeconds()}.{(at.ToUnixTimeTicks() % NodaConstants.TicksPerSecond) / 10:000000}");
}
