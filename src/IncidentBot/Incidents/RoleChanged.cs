namespace IncidentBot.Incidents;

/// <summary>A role changed hands: <paramref name="From"/> null when it was empty, <paramref name="To"/> null when it was cleared.</summary>
public sealed record RoleChanged(IncidentRole Role, ResponderId? From, ResponderId? To) : IncidentFact;
