using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// An Events API <c>event_callback</c> envelope: the event's id (for de-duplication), its type and body, and the bot's
/// own user id from the envelope's <c>authorizations</c> (null when Slack sent none), so a handler can tell the bot's
/// own doings (its confirming reaction, say) from people's.
/// </summary>
public sealed record SlackEvent(string EventId, string TeamId, string Type, JsonElement Event, string? BotUserId = null)
{
    public static SlackEvent Parse(JsonElement root)
    {
        var inner = root.GetProperty("event");
        if (inner.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("'event' is not an object");
        }

        return new SlackEvent(
            SlackJson.RequiredString(root, "event_id"),
            SlackJson.Text(root, "team_id") ?? "",
            SlackJson.RequiredString(inner, "type"),
            inner.Clone(),
            BotOf(root));
    }

    private static string? BotOf(JsonElement root)
    {
        if (!root.TryGetProperty("authorizations", out var authorizations) || authorizations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return authorizations.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
            .Select(a => SlackJson.Text(a, "user_id"))
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));
    }
}
