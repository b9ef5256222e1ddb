namespace IncidentBot.Slack.Outbound;

/// <summary>Where chat.postMessage put a message: its channel and timestamp, the message's id.</summary>
public sealed record SlackPostedMessage(SlackChannelId Channel, string Ts);
