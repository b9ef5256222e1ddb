namespace IncidentBot.Escalation;

/// <summary>One step of a severity's list under <c>Incidents:Escalation</c>.</summary>
public sealed class EscalationStepOptions
{
    /// <summary>Time from the declaration, e.g. <c>00:15:00</c>; <c>00:00:00</c> fires at once.</summary>
    public TimeSpan After { get; set; }

    /// <summary>
    /// Whom to call in: channel ids (<c>C…</c>, a message there), user ids (<c>U…</c>, a DM and an invitation to the war
    /// room), user-group ids (<c>S…</c>) or handles (<c>@oncall</c>), mentioned in the war room.
    /// </summary>
    public List<string> Notify { get; set; } = [];

    /// <summary>A service under <c>Incidents:Paging:Services</c> to page with this step. Default none.</summary>
    public string? Page { get; set; }
}
