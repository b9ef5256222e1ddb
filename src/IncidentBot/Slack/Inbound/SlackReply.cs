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

    /// <summary>The reply as a JSON object, for a Socket Mode acknowledgement.</summary>
    public JsonObject ToJson() =>
        JsonSerializer.SerializeToNode(Wire(), SlackInboundContext.Default.CommandReply)!.AsObject();

    /// <summary>The reply as an HTTP answer: the same JSON, written straight to the response by generated code; an empty 200 for <see cref="None"/>, Slack's way to acknowledge without showing anything.</summary>
    public IResult ToResult() => IsNone ? Results.Ok() : Results.Json(Wire(), SlackInboundContext.Default.CommandReply);

    private CommandReply Wire() => new(InChannel ? "in_channel" : "ephemeral", SlackText.Fit(Text, SlackLimits.MessageText), Blocks);
}
