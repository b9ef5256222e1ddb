using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// The immediate answer to a slash command: ephemeral (only the caller sees it) unless <see cref="InChannel"/>; a text
/// past Slack's message limit (a long list, say) is cut to fit.
/// </summary>
public sealed record SlackReply(string Text, JsonArray? Blocks = null, bool InChannel = false)
{
    /// <summary>No answer: Slack shows nothing beside the command, as when a public post already says what happened.</summary>
    public static readonly SlackReply None = new("");

    public bool IsNone => Text.Length == 0 && Blocks is null;

    public JsonObject ToJson() =>
        JsonSerializer.SerializeToNode(
            new CommandReply(InChannel ? "in_channel" : "ephemeral", SlackText.Fit(Text, SlackLimits.MessageText), Blocks),
            SlackInboundContext.Default.CommandReply)!.AsObject();
}
