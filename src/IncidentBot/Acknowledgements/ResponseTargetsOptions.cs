namespace IncidentBot.Acknowledgements;

/// <summary>
/// Settings of <c>Incidents:ResponseTargets</c>: how soon each severity's page must be acknowledged before the next
/// escalation step is called in.
/// </summary>
public sealed class ResponseTargetsOptions
{
    public const string Section = "Incidents:ResponseTargets";

    /// <summary>A target that runs to the end of the next business day after the declaration.</summary>
    public const string NextBusinessDay = "NextBusinessDay";

    /// <summary>No target: the severity never escalates for want of an acknowledgement.</summary>
    public const string Off = "Off";

    /// <summary>
    /// Targets by severity name (or alias): a time from the declaration (<c>00:05:00</c>), <see cref="NextBusinessDay"/>
    /// or <see cref="Off"/>. Left out entirely: <see cref="ResponseTargets.DefaultsByRank"/> by the configured severities'
    /// rank (SEV-1 5 min, SEV-2 30 min, SEV-3 2 h, SEV-4 next business day). A severity with no entry has no target.
    /// </summary>
    public Dictionary<string, string> Targets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The IANA time zone business days are counted in. Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When a business day ends in <see cref="TimeZone"/>; business days are Monday to Friday. Default <c>17:00:00</c>.</summary>
    public TimeSpan BusinessDayEnds { get; set; } = TimeSpan.FromHours(17);
}
