namespace IncidentBot.Sandbox;

/// <summary>A file of Slack's upload flow: reserved, then its bytes, then shared in a channel.</summary>
public sealed class SandboxFile
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Title { get; set; } = "";

    public int Length { get; set; }

    public byte[]? Content { get; set; }

    /// <summary>Where it was shared; null until files.completeUploadExternal.</summary>
    public string? Channel { get; set; }
}
