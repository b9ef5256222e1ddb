namespace IncidentBot.Escalation;

/// <summary>
/// Settings of <c>Incidents:OnCall</c>: the read-only API keys that let the bot ask PagerDuty and Opsgenie who is on call,
/// for targets such as <c>pagerduty:PABC123</c>. The keys are secrets: keep them out of source control; never logged.
/// </summary>
public sealed class OnCallOptions
{
    public const string Section = "Incidents:OnCall";

    /// <summary>PagerDuty's REST API. Default <c>https://api.pagerduty.com</c>.</summary>
    public Uri PagerDutyApiUrl { get; set; } = new("https://api.pagerduty.com");

    /// <summary>A PagerDuty REST API key (read-only is enough), sent as <c>Authorization: Token token=…</c>. Default empty: no <c>pagerduty:</c> targets.</summary>
    public string PagerDutyApiKey { get; set; } = "";

    /// <summary>Opsgenie's API; EU accounts use <c>https://api.eu.opsgenie.com</c>. Default <c>https://api.opsgenie.com</c>.</summary>
    public Uri OpsgenieApiUrl { get; set; } = new("https://api.opsgenie.com");

    /// <summary>An Opsgenie API integration's key with read access, sent as <c>Authorization: GenieKey …</c>. Default empty: no <c>opsgenie:</c> targets.</summary>
    public string OpsgenieApiKey { get; set; } = "";

    /// <summary>
    /// Why <paramref name="target"/> (a parsed escalation or responder target) cannot be asked about; null when it can
    /// (or is no schedule).
    /// </summary>
    public string? Problem(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target switch
        {
            _ when target.StartsWith("pagerduty:", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(PagerDutyApiKey) => $"'{target}' needs Incidents:OnCall:PagerDutyApiKey",
            _ when target.StartsWith("opsgenie:", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(OpsgenieApiKey) => $"'{target}' needs Incidents:OnCall:OpsgenieApiKey",
            _ => null,
        };
    }
}
