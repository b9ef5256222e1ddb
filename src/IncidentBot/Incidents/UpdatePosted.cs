namespace IncidentBot.Incidents;

/// <summary>A status update was posted to the war room with <paramref name="Text"/>.</summary>
public sealed record UpdatePosted(string Text) : IncidentFact;
