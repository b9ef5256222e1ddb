using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// A message to post or update. <see cref="Text"/> is the fallback Slack shows in notifications and is always sent;
/// <see cref="Blocks"/> is the Block Kit layout; <see cref="Metadata"/> is Slack message metadata
/// (<c>{event_type, event_payload}</c>) that lets the bot recognise its own messages later; <see cref="LinkNames"/> asks
/// Slack to link user-group handles written as <c>@oncall</c>.
/// </summary>
public sealed record SlackMessage(SlackChannelId Channel, string Text, JsonArray? Blocks = null, string? ThreadTs = null, JsonObject? Metadata = null, bool LinkNames = false);
