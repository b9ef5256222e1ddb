namespace IncidentBot.Slack.Outbound;

/// <summary>A user as users.info returns it (the fields the bot reads).</summary>
public sealed record SlackUser(string Id, string Name, string? RealName, string? TimeZone, bool IsBot);
