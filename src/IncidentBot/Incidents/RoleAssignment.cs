namespace IncidentBot.Incidents;

/// <summary>Who holds one role of an incident.</summary>
public sealed record RoleAssignment(IncidentRole Role, ResponderId Holder);
