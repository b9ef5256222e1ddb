using IncidentBot.Incidents;
using IncidentBot.Observability;
using IncidentBot.Postmortems;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Metrics;

/// <summary>
/// <c>GET /metrics</c> for Prometheus, written by prometheus-net from <see cref="PrometheusMetrics"/>. The figures say
/// how often and how badly things break, so, like the post-mortem draft, it opens only with
/// <see cref="MetricsOptions.AccessToken"/> as a bearer token (401 otherwise) and answers 404 when no token is configured.
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGet("/metrics", ScrapeAsync)
            .AddEndpointFilter(new BearerTokenFilter(sp => sp.GetRequiredService<IOptions<MetricsOptions>>().Value.AccessToken, "metrics scrape"));
    }

    private static async Task<IResult> ScrapeAsync(
        HttpContext http,
        IOptions<MetricsOptions> options,
        IIncidentStore store,
        PostmortemUploadStore uploads,
        SeverityScheme scheme,
        IClock clock,
        PrometheusMetrics prometheus)
    {
        var period = MetricsPeriod.LastDays(options.Value.WindowDays, clock.GetCurrentInstant());
        var declared = store.DeclaredBetween(period.Start, period.End);
        var metrics = IncidentMetrics.Compute(period, declared, scheme, uploads.SharedAmong(declared.Select(i => i.Id)));
        var text = await prometheus.ScrapeAsync(metrics, store.ListOpen(), options.Value.WindowDays, http.RequestAborted).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(text, PrometheusMetrics.ContentType);
    }
}
