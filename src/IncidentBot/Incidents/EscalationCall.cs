namespace IncidentBot.Incidents;

/// <summary>
/// What one escalation decided: who is called in now (<see cref="Targets"/>, <see cref="Page"/>) and the timeline entry
/// that records it. <see cref="Step"/> is the step's number in its severity's matrix, or null when escalated by hand.
/// </summary>
public sealed record EscalationCall(int? Step, IReadOnlyList<string> Targets, string? Page, TimelineEntry Entry);
