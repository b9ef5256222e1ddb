namespace IncidentBot.Sandbox;

/// <summary>A person (or the bot) of the emulated workspace.</summary>
public sealed record SandboxUser(string Id, string Name, string RealName, bool IsBot = false);
