using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>An Events API <c>event_callback</c> envelope: the event's id (for de-duplication), its type and body.</summary>
public sealed record SlackEvent(string EventId, string TeamId, string Type, JsonElement Event)
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
            inner.Clone());
    }
}
