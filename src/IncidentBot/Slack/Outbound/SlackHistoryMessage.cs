using System.Text.Json;

namespace IncidentBot.Slack.Outbound;

/// <summary>A message as conversations.history / .replies return it (the fields the bot reads).</summary>
public sealed record SlackHistoryMessage(string Ts, string? User, string? BotId, string Text, string? ThreadTs, JsonElement? Metadata);
