using System.Text.Json.Nodes;

namespace IncidentBot.Messaging;

/// <summary>A message ready for Slack: fallback text for notifications and the Block Kit layout.</summary>
public sealed record RenderedMessage(string Text, JsonArray Blocks);
