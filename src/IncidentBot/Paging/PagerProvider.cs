namespace IncidentBot.Paging;

/// <summary>Where a pager service lives.</summary>
public enum PagerProvider
{
    /// <summary>PagerDuty Events API v2: <c>POST {PagerDutyUrl}/v2/enqueue</c> with the service's routing key.</summary>
    PagerDuty,

    /// <summary>Opsgenie Alert API: <c>POST {OpsgenieUrl}/v2/alerts</c> with <c>Authorization: GenieKey …</c>.</summary>
    Opsgenie,
}
