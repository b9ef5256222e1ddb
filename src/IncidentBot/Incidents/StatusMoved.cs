namespace IncidentBot.Incidents;

/// <summary>The status moved from <paramref name="From"/> to <paramref name="To"/> (resolve, reopen and close included).</summary>
public sealed record StatusMoved(IncidentStatus From, IncidentStatus To) : IncidentFact;
