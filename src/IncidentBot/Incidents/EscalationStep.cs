using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// One rung of a severity's escalation matrix: <see cref="After"/> the declaration (or, after a pause, as
/// <see cref="Incident.EscalationResumedAt"/> says), while the incident is investigating or identified, the bot calls in
/// <see cref="Notify"/> (channel ids, user ids, user-group ids or handles) and pages <see cref="Page"/>.
/// </summary>
public sealed record EscalationStep(Duration After, IReadOnlyList<string> Notify, string? Page);
