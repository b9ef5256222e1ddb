namespace IncidentBot.Sandbox;

/// <summary>A person (or the bot) of the emulated workspace, with the time zone of their profile (a tz database id).</summary>
public sealed record SandboxUser(string Id, string Name, string RealName, bool IsBot = false, string TimeZone = "Europe/London");
