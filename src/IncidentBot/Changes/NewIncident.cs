using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Changes;

/// <summary>What a declaration says about the incident it opens, whichever way it came: a command, the form or an alert.</summary>
public sealed record NewIncident(string Title, Severity Severity, string Impact, bool IsPrivate, bool IsDrill, Instant? ImpactStartedAt);
