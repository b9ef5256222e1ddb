using System.Runtime.CompilerServices;
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

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The JSON of each shared text, written once and kept as long as the text itself is kept.</summary>
    private static readonly ConditionalWeakTable<string, byte[]> SharedWire = [];

    public bool IsNone => Text.Length == 0 && Blocks is null;

    /// <summary>Whether <see cref="Text"/> is one instance many requests answer with, so its JSON is worth keeping.</summary>
    private bool IsShared { get; init; }

    /// <summary>
    /// An ephemeral reply whose <paramref name="text"/> is one instance shared by many requests (the help text of a
    /// command name, a list until the next change): its JSON is written once for that instance and sent as bytes.
    /// </summary>
    public static SlackReply Shared(string text) => new(text) { IsShared = true };

    /// <summary>The reply as a JSON object, for a Socket Mode acknowledgement.</summary>
    public JsonObject ToJson() =>
        JsonSerializer.SerializeToNode(Wire(), SlackInboundContext.Default.CommandReply)!.AsObject();

    /// <summary>
    /// The reply as an HTTP answer: the same JSON, written straight to the response by generated code (a shared text's
    /// JSON kept from its first answer); an empty 200 for <see cref="None"/>, Slack's way to acknowledge without showing anything.
    /// </summary>
    public IResult ToResult() =>
        IsNone ? Results.Ok()
        : IsShared && !InChannel && Blocks is null ? Results.Bytes(SharedJson(), JsonContentType)
        : Results.Json(Wire(), SlackInboundContext.Default.CommandReply);

    private byte[] SharedJson()
    {
        if (!SharedWire.TryGetValue(Text, out var json))
        {
            json = JsonSerializer.SerializeToUtf8Bytes(Wire(), SlackInboundContext.Default.CommandReply);
            SharedWire.AddOrUpdate(Text, json);
        }

        return json;
    }

    private CommandReply Wire() => new(InChannel ? "in_channel" : "ephemeral", SlackText.Fit(Text, SlackLimits.MessageText), Blocks);
}
