namespace IncidentBot.Paging;

/// <summary>Settings of <c>Incidents:Paging</c>: the pager services the bot can trigger and resolve.</summary>
public sealed class PagingOptions
{
    public const string Section = "Incidents:Paging";

    /// <summary>PagerDuty's Events API. Default <c>https://events.pagerduty.com</c>.</summary>
    public Uri PagerDutyUrl { get; set; } = new("https://events.pagerduty.com");

    /// <summary>Opsgenie's API; EU accounts use <c>https://api.eu.opsgenie.com</c>. Default <c>https://api.opsgenie.com</c>.</summary>
    public Uri OpsgenieUrl { get; set; } = new("https://api.opsgenie.com");

    /// <summary>Services by name (as in <c>/incident page payments</c> and an escalation step's <c>Page</c>). Default none.</summary>
    public Dictionary<string, PagerServiceOptions> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
