namespace IncidentBot.Slack.Inbound;

/// <summary>What became of one inbound event or interaction.</summary>
public enum SlackDispatchOutcome
{
    /// <summary>Handed to its handlers, and every one succeeded.</summary>
    Handled,

    /// <summary>An event id seen before: a retry, dropped.</summary>
    Duplicate,

    /// <summary>Not the shape Slack sends; nothing was handled.</summary>
    Malformed,

    /// <summary>A handler failed: the event is not counted as seen, and the answer asks Slack to send it again.</summary>
    Failed,
}
