namespace IncidentBot.Alerts;

/// <summary>
/// The <c>Alerts</c> section: the secrets of the three alert endpoints (an endpoint whose secret is empty answers 404),
/// whether an alert declares at once, and how alerts are routed to a severity.
/// </summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// True (the default): an alert declares an incident at once, reported by the bot. False: it posts a "Declare incident"
    /// button in <c>Incidents:AnnouncementChannel</c>; whoever clicks it declares, with the title and severity filled in.
    /// </summary>
    public bool AutoDeclare { get; set; } = true;

    /// <summary>The secret of the PagerDuty v3 webhook subscription, which signs <c>X-PagerDuty-Signature</c>; empty: <c>/alerts/pagerduty</c> is off.</summary>
    public string PagerDutySecret { get; set; } = "";

    /// <summary>The token Opsgenie's webhook sends (<c>Authorization: Bearer …</c>, or as the basic-auth password); empty: <c>/alerts/opsgenie</c> is off.</summary>
    public string OpsgenieToken { get; set; } = "";

    /// <summary>The bearer token of Alertmanager's webhook receiver (<c>http_config.authorization</c>); empty: <c>/alerts/alertmanager</c> is off.</summary>
    public string AlertmanagerToken { get; set; } = "";

    /// <summary>The rules, first match wins; an alert no rule matches gets <see cref="DefaultSeverity"/>.</summary>
    public List<AlertRouteOptions> Routes { get; set; } = [];

    /// <summary>The default route's severity by name; empty (the default): <c>Incidents:DefaultSeverity</c>.</summary>
    public string DefaultSeverity { get; set; } = "";
}
