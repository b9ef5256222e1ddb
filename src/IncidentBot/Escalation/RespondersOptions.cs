namespace IncidentBot.Escalation;

/// <summary>
/// <c>Incidents:Responders</c>: per severity name (or alias), whom to invite to the war room at declaration, before any
/// escalation step: user ids (<c>U…</c>, <c>W…</c>), user groups (<c>S…</c> or <c>@handle</c>) and on-call schedules
/// (<c>pagerduty:&lt;schedule id&gt;</c>, <c>opsgenie:&lt;schedule id&gt;</c>). Default none. Drills invite nobody.
/// </summary>
public sealed class RespondersOptions
{
    public const string Section = "Incidents:Responders";

    public Dictionary<string, List<string>> Responders { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
