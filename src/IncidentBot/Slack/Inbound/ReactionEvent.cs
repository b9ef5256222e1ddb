using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// reaction_added / reaction_removed: <see cref="User"/> reacted with <see cref="Reaction"/> on the message at
/// <see cref="Channel"/>/<see cref="Ts"/>, written by <see cref="ItemUser"/> (absent for bot and webhook messages).
/// </summary>
public sealed record ReactionEvent(bool Added, SlackUserId User, string Reaction, SlackUserId? ItemUser, SlackChannelId Channel, string Ts, string EventTs)
{
    /// <summary>Null for a reaction on something other than a message (a file, say).</summary>
    public static ReactionEvent? Parse(JsonElement ev)
    {
        var item = ev.GetProperty("item");
        if (SlackJson.Text(item, "type") != "message")
        {
            return null;
        }

        var itemUser = SlackJson.Text(ev, "item_user");
        return new ReactionEvent(
            SlackJson.Text(ev, "type") == "reaction_added",
            new SlackUserId(SlackJson.RequiredString(ev, "user")),
            SlackJson.RequiredString(ev, "reaction"),
            string.IsNullOrEmpty(itemUser) ? null : new SlackUserId(itemUser),
            new SlackChannelId(SlackJson.RequiredString(item, "channel")),
            SlackJson.RequiredString(item, "ts"),
            SlackJson.Text(ev, "event_ts") ?? "");
    }
}
