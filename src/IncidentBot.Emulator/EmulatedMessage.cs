namespace IncidentBot.Emulator;

/// <summary>A message of the emulated workspace; blocks and metadata are kept as the JSON the poster sent.</summary>
public sealed class EmulatedMessage
{
    /// <summary>Channel and ts: <c>C…:1764000000.000100</c>.</summary>
    public string Id { get; set => field = value ?? ""; } = "";

    public string Channel { get; set => field = value ?? ""; } = "";

    public string Ts { get; set => field = value ?? ""; } = "";

    public string User { get; set => field = value ?? ""; } = "";

    public bool IsBot { get; set; }

    public string Text { get; set => field = value ?? ""; } = "";

    public string? Blocks { get; set; }

    public string? Metadata { get; set; }

    /// <summary>The parent's ts for a reply in a thread; null for a top-level message.</summary>
    public string? ThreadTs { get; set; }

    public string? EditedTs { get; set; }

    public List<EmulatedReaction> Reactions { get; set; } = [];

    /// <summary>Who pinned it; null when it is not pinned.</summary>
    public string? PinnedBy { get; set; }

    /// <summary>When it was pinned, as a Slack ts, so pins list in pinning order; null when it is not pinned.</summary>
    public string? PinnedTs { get; set; }

    /// <summary>The file shared with this message, if any.</summary>
    public string? FileId { get; set; }

    public static string IdOf(string channel, string ts) => $"{channel}:{ts}";
}
