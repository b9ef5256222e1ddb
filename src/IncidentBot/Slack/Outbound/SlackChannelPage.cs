namespace IncidentBot.Slack.Outbound;

/// <summary>One page of conversations.list; <see cref="NextCursor"/> is empty on the last page.</summary>
public sealed record SlackChannelPage(IReadOnlyList<SlackChannel> Channels, string NextCursor);
