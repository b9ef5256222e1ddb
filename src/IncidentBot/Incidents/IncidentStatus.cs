namespace IncidentBot.Incidents;

/// <summary>Where an incident is in its life; the order is the usual forward path.</summary>
public enum IncidentStatus
{
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Closed,
}
