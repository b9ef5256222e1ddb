namespace IncidentBot.Emulator;

/// <summary>A link bookmarked in a channel with bookmarks.add.</summary>
public sealed class EmulatedBookmark
{
    public string Id { get; set => field = value ?? ""; } = "";

    public string Channel { get; set => field = value ?? ""; } = "";

    public string Title { get; set => field = value ?? ""; } = "";

    public string Type { get; set => field = value ?? ""; } = "";

    public string Link { get; set => field = value ?? ""; } = "";
}
