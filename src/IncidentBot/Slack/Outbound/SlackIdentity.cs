namespace IncidentBot.Slack.Outbound;

/// <summary>Who the token belongs to, from auth.test.</summary>
public sealed record SlackIdentity(SlackUserId UserId, string TeamId, string? BotId);
