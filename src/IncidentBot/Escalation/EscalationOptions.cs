namespace IncidentBot.Escalation;

/// <summary>
/// The escalation matrix: <c>Incidents:Escalation</c>, a list of steps per severity name. Whether it fires by itself is
/// <see cref="IncidentBot.Incidents.IncidentsOptions.AutoEscalation"/>.
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Incidents:Escalation";

    /// <summary>
    /// Steps by severity name (or alias). Left out entirely: <see cref="EscalationMatrix.DefaultsByRank"/>, by the configured severities' rank. A severity with no
    /// entry never escalates by itself.
    /// </summary>
    public Dictionary<string, List<EscalationStepOptions>> Escalation { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
