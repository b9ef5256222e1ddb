using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Metrics;

/// <summary>
/// <c>GET /metrics</c> for Prometheus. The figures say how often and how badly things break, so, like the post-mortem
/// draft, it opens only with <see cref="MetricsOptions.AccessToken"/> as a bearer token (401 otherwise) and answers 404
/// when no token is configured.
/// </summary>
public static partial class MetricsEndpoints
{
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGet("/metrics", Scrape);
    }

    private static IResult Scrape(
        HttpContext http,
        IOptions<MetricsOptions> options,
        IIncidentStore store,
        PostmortemUploadStore uploads,
        SeverityScheme scheme,
        IClock clock,
        ILoggerFactory loggers)
    {
        var token = options.Value.AccessToken;
        if (token.Length == 0)
        {
            return Results.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(MetricsEndpoints).FullName!);
        if (!PostmortemEndpoints.Authorized(http.Request.Headers.Authorization.ToString(), token))
        {
            LogRefused(logger, http.Connection.RemoteIpAddress);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

        var period = MetricsPeriod.LastDays(options.Value.WindowDays, clock.GetCurrentInstant());
        var metrics = IncidentMetrics.Compute(period, store.DeclaredBetween(period.Start, period.End), scheme, uploads.SharedIncidents());
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(PrometheusMetrics.Write(metrics, store.ListOpen(), options.Value.WindowDays), PrometheusText.ContentType);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a metrics scrape from {Remote}: missing or wrong access token")]
    private static partial void LogRefused(ILogger logger, System.Net.IPAddress? remote);
}
