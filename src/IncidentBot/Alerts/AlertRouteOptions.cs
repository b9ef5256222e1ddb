namespace IncidentBot.Alerts;

/// <summary>
/// One routing rule under <c>Alerts:Routes</c>: an alert that matches every condition given (none given: every alert)
/// is declared at <see cref="Severity"/> or <see cref="Level"/>. The first matching rule wins.
/// </summary>
public sealed class AlertRouteOptions
{
    /// <summary><c>pagerduty</c>, <c>opsgenie</c> or <c>alertmanager</c>; empty: any source.</summary>
    public string Source { get; set; } = "";

    /// <summary>The alert's service (PagerDuty's service name, Opsgenie's entity, Alertmanager's <c>service</c> or <c>job</c> label), ignoring case; empty: any.</summary>
    public string Service { get; set; } = "";

    /// <summary>The source's priority (PagerDuty's priority, Opsgenie's P1..P5, Alertmanager's <c>severity</c> label), ignoring case; empty: any.</summary>
    public string Priority { get; set; } = "";

    /// <summary>Labels that must all have these values (Alertmanager's common labels, Opsgenie's details and tags, PagerDuty's <c>urgency</c>).</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>A configured severity by name or alias (<c>SEV-2</c>, <c>P1</c>); or give <see cref="Level"/>.</summary>
    public string Severity { get; set; } = "";

    /// <summary>A configured severity by rank, 1 the most severe, whatever the levels are called; or give <see cref="Severity"/>.</summary>
    public int? Level { get; set; }
}
