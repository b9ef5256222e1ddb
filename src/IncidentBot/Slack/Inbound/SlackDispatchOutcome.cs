namespace IncidentBot.Slack.Inbound;

/// <summary>What became of one inbound event or interaction.</summary>
public enum SlackDispatchOutcome
{
    /// <summary>Handed to its handlers (a handler's own failure is logged, not reported back to Slack).</summary>
    Handled,

    /// <summary>An event id seen before: a retry, dropped.</summary>
    Duplicate,

    /// <summary>Not the shape Slack sends; nothing was handled.</summary>
    Malformed,
}
