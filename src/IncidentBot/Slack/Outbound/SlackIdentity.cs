namespace IncidentBot.Slack.Outbound;

/// <summary>Who the token belongs to, from auth.test.</summary>
public sealed record SlackIdentity(string UserId, string TeamId, string? BotId);
