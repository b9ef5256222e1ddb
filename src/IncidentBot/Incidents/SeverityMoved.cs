namespace IncidentBot.Incidents;

/// <summary>The severity changed from the level named <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record SeverityMoved(string From, string To) : IncidentFact;
