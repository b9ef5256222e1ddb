namespace IncidentBot.Slack.Outbound;

/// <summary>A conversation as conversations.create / conversations.list return it (the fields the bot reads).</summary>
public sealed record SlackChannel(SlackChannelId Id, string Name, SlackUserId? Creator = null, bool IsPrivate = false, bool IsArchived = false);
