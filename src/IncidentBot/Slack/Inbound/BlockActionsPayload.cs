using System.Text.Json;

namespace IncidentBot.Slack.Inbound;

/// <summary>A block_actions interaction: who clicked what, on which message.</summary>
public sealed record BlockActionsPayload(
    SlackUserId UserId,
    SlackChannelId? ChannelId,
    string? MessageTs,
    string TriggerId,
    string? ResponseUrl,
    IReadOnlyList<BlockAction> Actions)
{
    public static BlockActionsPayload Parse(JsonElement root)
    {
        var user = new SlackUserId(SlackJson.RequiredString(root.GetProperty("user"), "id"));
        var channel = root.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? SlackJson.Text(c, "id") : null;
        string? messageTs = null;
        if (root.TryGetProperty("container", out var container) && container.ValueKind == JsonValueKind.Object)
        {
            messageTs = SlackJson.Text(container, "message_ts");
            channel ??= SlackJson.Text(container, "channel_id");
        }

        var actions = new List<BlockAction>();
        if (root.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in list.EnumerateArray())
            {
                var value = SlackJson.Text(a, "value");
                if (a.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object)
                {
                    value = SlackJson.Text(option, "value");
                }

                actions.Add(new BlockAction(SlackJson.Text(a, "action_id") ?? "", SlackJson.Text(a, "block_id") ?? "", value));
            }
        }

        return new BlockActionsPayload(
            user,
            string.IsNullOrEmpty(channel) ? null : new SlackChannelId(channel),
            string.IsNullOrEmpty(messageTs) ? null : messageTs,
            SlackJson.Text(root, "trigger_id") ?? "",
            SlackJson.Text(root, "response_url"),
            actions);
    }
}
