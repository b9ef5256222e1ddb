namespace IncidentBot.Incidents;

/// <summary>The roles of incident command.</summary>
public enum IncidentRole
{
    Commander,
    TechLead,
    CommsLead,
    Scribe,
}
