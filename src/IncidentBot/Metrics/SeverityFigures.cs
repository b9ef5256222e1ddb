namespace IncidentBot.Metrics;

/// <summary>
/// The figures of one severity (or of all, with <see cref="Severity"/> <c>all</c>): how many incidents, and the times
/// to detect, acknowledge, identify and resolve (see <see cref="IncidentMetrics"/> for what each counts from and to).
/// </summary>
public sealed record SeverityFigures(string Severity, int Count, Figure Detect, Figure Acknowledge, Figure Identify, Figure Resolve);
