namespace IncidentBot.Emulator;

/// <summary>A file of Slack's upload flow: reserved, then its bytes, then shared in a channel.</summary>
public sealed class EmulatedFile
{
    public string Id { get; set => field = value ?? ""; } = "";

    public string Name { get; set => field = value ?? ""; } = "";

    public string Title { get; set => field = value ?? ""; } = "";

    public int Length { get; set; }

    public byte[]? Content { get; set; }

    /// <summary>Where it was shared; null until files.completeUploadExternal.</summary>
    public string? Channel { get; set; }

    /// <summary>The message it was shared with; null when none was given.</summary>
    public string? InitialComment { get; set; }
}
