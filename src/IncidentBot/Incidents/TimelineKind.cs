namespace IncidentBot.Incidents;

/// <summary>What a timeline entry records.</summary>
public enum TimelineKind
{
    Declared,
    SeverityChanged,
    RoleAssigned,
    StatusChanged,
    Update,
    Resolved,
    Closed,

    /// <summary>Someone acted on an update reminder: snoozed it, stopped reminders, or posted the update it asked for.</summary>
    Reminder,

    /// <summary>A follow-up recorded for the post-mortem.</summary>
    ActionItem,

    /// <summary>A message put on the timeline by the scribe (reaction, pin) or typed with <c>/incident note</c>.</summary>
    Note,

    /// <summary>People were called in: an escalation step fired, someone escalated by hand, or a pager was triggered.</summary>
    Escalated,

    /// <summary>Someone recorded when impact began (<c>/incident started</c>).</summary>
    ImpactStarted,

    /// <summary>A status-page draft handed to the comms team.</summary>
    StatusPage,

    /// <summary>The commander called the incident off before resolving it.</summary>
    Cancelled,

    /// <summary>Slack refused to create the war room for good.</summary>
    Failed,

    /// <summary>Someone answered the call: <c>/incident ack</c>, the escalation DM's button, or the page acknowledged at its pager.</summary>
    Acknowledged,

    /// <summary>A monitoring alert opened the incident, joined it (a repeat or another of its group), or resolved.</summary>
    Alert,
}
