namespace IncidentBot.Incidents;

/// <summary>The incident was acknowledged for the first time, by <paramref name="By"/>.</summary>
public sealed record Acknowledged(Acknowledger By) : IncidentFact;
