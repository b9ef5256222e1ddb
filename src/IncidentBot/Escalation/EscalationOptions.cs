namespace IncidentBot.Escalation;

/// <summary>The escalation matrix: <c>Incidents:Escalation</c>, a list of steps per severity name.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Incidents";

    /// <summary>
    /// Steps by severity name (or alias). Left out entirely: <see cref="EscalationMatrix.DefaultsByRank"/>, by the configured severities' rank. A severity with no
    /// entry never escalates by itself.
    /// </summary>
    public Dictionary<string, List<EscalationStepOptions>> Escalation { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fire the matrix's steps as time passes. Default true; false leaves only <c>/incident escalate</c> and <c>/incident page</c>.</summary>
    public bool AutoEscalation { get; set; } = true;
}
