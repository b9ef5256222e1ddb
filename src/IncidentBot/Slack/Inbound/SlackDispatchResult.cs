using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Inbound;

/// <summary>The outcome of one inbound payload and, when Slack should get one, the JSON to answer it with.</summary>
public sealed record SlackDispatchResult(SlackDispatchOutcome Outcome, JsonObject? Response = null)
{
    public static readonly SlackDispatchResult Handled = new(SlackDispatchOutcome.Handled);

    public static readonly SlackDispatchResult Duplicate = new(SlackDispatchOutcome.Duplicate);

    public static readonly SlackDispatchResult Malformed = new(SlackDispatchOutcome.Malformed);

    public static readonly SlackDispatchResult Failed = new(SlackDispatchOutcome.Failed);
}
