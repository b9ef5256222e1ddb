namespace IncidentBot.Sandbox;

/// <summary>A modal opened with views.open for <see cref="User"/>, as the JSON the bot sent; closed once submitted or dismissed.</summary>
public sealed class SandboxView
{
    public string Id { get; set; } = "";

    public string User { get; set; } = "";

    public string View { get; set; } = "";

    public bool IsOpen { get; set; }
}
