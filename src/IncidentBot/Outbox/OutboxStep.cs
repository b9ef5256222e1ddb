namespace IncidentBot.Outbox;

/// <summary>How one attempt at an outbox message ended.</summary>
public enum OutboxStep
{
    Done,

    /// <summary>Slack could not be reached or kept rate limiting; the message waits and blocks its incident's lane.</summary>
    RetryLater,

    /// <summary>Slack refused for good; the message is set aside with its error and the lane moves on.</summary>
    Failed,
}
