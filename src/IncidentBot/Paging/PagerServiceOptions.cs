namespace IncidentBot.Paging;

/// <summary>One service under <c>Incidents:Paging:Services</c>, by the name people page it with.</summary>
public sealed class PagerServiceOptions
{
    public PagerProvider Provider { get; set; }

    /// <summary>PagerDuty: the integration's routing key (Events API v2). A secret: keep it out of source control.</summary>
    public string RoutingKey { get; set; } = "";

    /// <summary>Opsgenie: the API integration's key, sent as <c>GenieKey</c>. A secret: keep it out of source control.</summary>
    public string ApiKey { get; set; } = "";
}
