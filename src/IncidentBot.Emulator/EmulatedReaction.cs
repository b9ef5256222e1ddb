namespace IncidentBot.Emulator;

/// <summary>One emoji on a message and who added it, in order.</summary>
public sealed class EmulatedReaction
{
    public string Name { get; set => field = value ?? ""; } = "";

    public List<string> Users { get; set; } = [];
}
