using System.Text.Json;
using System.Text.Json.Nodes;

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
    /// <summary>The click's response_url as an address, which reaches the clicker even outside the channel; null when Slack sent none.</summary>
    public Uri? ResponseUri => Uri.TryCreate(ResponseUrl, UriKind.Absolute, out var url) ? url : null;

    /// <summary>The text of the message whose button was clicked, as Slack sent it with the click; null when it sent none.</summary>
    public string? MessageText { get; init; }

    /// <summary>The blocks of the message whose button was clicked, as Slack sent them with the click; null when it sent none.</summary>
    public JsonArray? MessageBlocks { get; init; }

    /// <summary>Throws <see cref="JsonException"/> when the payload has no user.</summary>
    public static BlockActionsPayload Parse(JsonElement root)
    {
        var fields = root.Deserialize(SlackInboundContext.Default.BlockActionsFields) ?? throw new JsonException("a block_actions payload is an object");
        var user = fields.User?.Id is { Length: > 0 } id ? new SlackUserId(id) : throw new JsonException("'user.id' is missing");
        var channel = fields.Channel?.Id ?? fields.Container?.ChannelId;
        var messageTs = fields.Container?.MessageTs;
        var actions = (fields.Actions ?? [])
            .OfType<ActionFields>()
            .Select(a => new BlockAction(a.ActionId ?? "", a.BlockId ?? "", a.SelectedOption is { } option ? option.Value : a.Value))
            .ToList();

        return new BlockActionsPayload(
            user,
            string.IsNullOrEmpty(channel) ? null : new SlackChannelId(channel),
            string.IsNullOrEmpty(messageTs) ? null : messageTs,
            fields.TriggerId ?? "",
            fields.ResponseUrl,
            actions)
        {
            MessageText = fields.Message?.Text,
            MessageBlocks = fields.Message?.Blocks,
        };
    }
}
