namespace IncidentBot.Alerts;

/// <summary>What an alert delivery asks of the bot.</summary>
public enum AlertAction
{
    /// <summary>Something fired: declare, or join the open incident of the same key.</summary>
    Trigger,

    /// <summary>It stopped: shown on the open incident's timeline and in its war room; people decide when it is resolved.</summary>
    Resolve,

    /// <summary>Someone acknowledged the page; accepted, and for now recorded nowhere.</summary>
    Acknowledge,

    /// <summary>Any other event of the source (annotated, escalated, a ping): accepted and left alone.</summary>
    Ignore,
}
