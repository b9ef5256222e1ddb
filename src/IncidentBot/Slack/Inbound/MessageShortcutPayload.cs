using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// A message shortcut (<c>message_action</c>): who used which shortcut on which message, with the message's text as
/// Slack sent it. <see cref="Author"/> is null for a bot's or webhook's message.
/// </summary>
public sealed record MessageShortcutPayload(
    SlackUserId UserId,
    string CallbackId,
    SlackChannelId ChannelId,
    string MessageTs,
    SlackUserId? Author,
    string Text,
    string TriggerId)
{
    /// <summary>Throws <see cref="JsonException"/> when the payload has no user, channel or message ts.</summary>
    public static MessageShortcutPayload Parse(JsonElement root)
    {
        var fields = root.Deserialize(SlackInboundContext.Default.MessageShortcutFields) ?? throw new JsonException("a message_action payload is an object");
        var user = fields.User?.Id is { Length: > 0 } id ? new SlackUserId(id) : throw new JsonException("'user.id' is missing");
        var channel = fields.Channel?.Id is { Length: > 0 } c ? new SlackChannelId(c) : throw new JsonException("'channel.id' is missing");
        var ts = fields.MessageTs is { Length: > 0 } t ? t : fields.Message?.Ts is { Length: > 0 } mt ? mt : throw new JsonException("'message_ts' is missing");
        var message = fields.Message;
        return new MessageShortcutPayload(
            user,
            fields.CallbackId ?? "",
            channel,
            ts,
            message?.User is { Length: > 0 } author ? new SlackUserId(author) : null,
            message?.Text ?? "",
            fields.TriggerId ?? "");
    }
}
