namespace IncidentBot.Sandbox;

/// <summary>One emoji on a message and who added it, in order.</summary>
public sealed class SandboxReaction
{
    public string Name { get; set; } = "";

    public List<string> Users { get; set; } = [];
}
