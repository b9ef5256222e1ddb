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
}
