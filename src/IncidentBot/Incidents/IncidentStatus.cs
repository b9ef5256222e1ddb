namespace IncidentBot.Incidents;

/// <summary>Where an incident is in its life; the order is the usual forward path.</summary>
public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Closed,

    /// <summary>Called off before it was resolved (a mistaken declaration): final, kept on record, left out of metrics.</summary>
    Cancelled,

    /// <summary>Its war room could not be created: final, nothing more of it reaches Slack, left out of metrics.</summary>
    Failed,
}
