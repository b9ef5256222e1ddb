using IncidentBot.Incidents;

namespace IncidentBot.Alerts;

/// <summary>What came of an alert delivery, as its endpoint answers it: <c>declared</c>, <c>linked</c> (a repeat joined), <c>resolved</c> (shown on the incident), <c>offered</c>, <c>acknowledged</c>, <c>already acknowledged</c> or <c>ignored</c>, and the incident.</summary>
public sealed record AlertOutcome(string Outcome, IncidentId? Incident = null)
{
    public static AlertOutcome Ignored { get; } = new("ignored");
}
