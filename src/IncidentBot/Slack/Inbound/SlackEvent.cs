using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// An Events API <c>event_callback</c> envelope: the event's id (for de-duplication), its type and body, and the bot's
/// own user id from the envelope's <c>authorizations</c> (null when Slack sent none), so a handler can tell the bot's
/// own doings (its confirming reaction, say) from people's.
/// </summary>
public sealed record SlackEvent(string EventId, string TeamId, string Type, JsonElement Event, SlackUserId? BotUserId = null)
{
    /// <summary>Throws <see cref="JsonException"/> when the envelope has no event id or no event object with a type.</summary>
    public static SlackEvent Parse(JsonElement root)
    {
        var envelope = root.Deserialize(SlackInboundContext.Default.EventCallbackEnvelope) ?? throw new JsonException("an event_callback is an object");
        if (envelope.Event is not { ValueKind: JsonValueKind.Object } inner)
        {
            throw new JsonException("'event' is not an object");
        }

        return new SlackEvent(
            string.IsNullOrEmpty(envelope.EventId) ? throw new JsonException("'event_id' is missing") : envelope.EventId,
            envelope.TeamId ?? "",
            SlackJson.RequiredString(inner, "type"),
            inner,
            envelope.Authorizations?.Where(a => a is { IsBot: true, UserId.Length: > 0 }).Select(a => (SlackUserId?)new SlackUserId(a!.UserId!)).FirstOrDefault());
    }
}
