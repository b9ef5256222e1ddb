using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// reaction_added / reaction_removed: <see cref="User"/> reacted with <see cref="Reaction"/> on the message at
/// <see cref="Channel"/>/<see cref="Ts"/>, written by <see cref="ItemUser"/> (absent for bot and webhook messages).
/// </summary>
public sealed record ReactionEvent(bool Added, SlackUserId User, string Reaction, SlackUserId? ItemUser, SlackChannelId Channel, string Ts, string EventTs)
{
    /// <summary>Null for a reaction on something other than a message (a file, say); throws <see cref="JsonException"/> when a field is missing.</summary>
    public static ReactionEvent? Parse(JsonElement ev)
    {
        var fields = ev.Deserialize(SlackInboundContext.Default.ReactionFields) ?? throw new JsonException("a reaction event is an object");
        var item = fields.Item ?? throw new JsonException("'item' is missing");
        if (item.Type != "message")
        {
            return null;
        }

        return new ReactionEvent(
            fields.Type == "reaction_added",
            new SlackUserId(Required(fields.User, "user")),
            Required(fields.Reaction, "reaction"),
            string.IsNullOrEmpty(fields.ItemUser) ? null : new SlackUserId(fields.ItemUser),
            new SlackChannelId(Required(item.Channel, "channel")),
            Required(item.Ts, "ts"),
            fields.EventTs ?? "");
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new JsonException($"'{name}' is missing") : value;
}
