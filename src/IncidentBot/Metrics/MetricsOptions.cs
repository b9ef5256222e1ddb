namespace IncidentBot.Metrics;

/// <summary>Settings of the "Metrics" section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// The token <c>GET /metrics</c> asks for, as <c>Authorization: Bearer &lt;token&gt;</c> (Prometheus: <c>authorization:
    /// credentials</c> in the scrape config); at least 16 characters. Default empty: the endpoint answers 404. Never logged.
    /// </summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The days the figures of <c>GET /metrics</c> cover, up to the scrape. Default 30.</summary>
    public int WindowDays { get; set; } = MetricsPeriod.DefaultDays;
}
