using IncidentBot.Commands;
using IncidentBot.Messaging;
using IncidentBot.Outbox;

namespace IncidentBot.Metrics;

public static class MetricsExtensions
{
    /// <summary>
    /// The incident metrics: <c>/incident metrics</c>, <c>/incident review</c> (its upload through the outbox),
    /// <c>/incident started</c>, and the options of <c>GET /metrics</c>.
    /// Needs <c>AddIncidents</c> and <c>AddPostmortems</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMetrics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(
                o => o.AccessToken.Length == 0 || (o.AccessToken.Length >= 16 && !o.AccessToken.Any(char.IsWhiteSpace)),
                "Metrics:AccessToken must be at least 16 characters without spaces, or empty to turn GET /metrics off.")
            .Validate(o => o.WindowDays is > 0 and <= 3660, "Metrics:WindowDays must be between 1 and 3660.")
            .ValidateOnStart();
        services.AddTemplates(MetricsTemplates.Samples);
        services.AddSingleton<PrometheusMetrics>();
        services.AddSingleton<ReviewUpload>();
        services.AddOutboxStep<UploadReviewStep>();
        services.AddSingleton<IIncidentCommandHandler, MetricsHandler>();
        services.AddSingleton<IIncidentCommandHandler, ReviewHandler>();
        services.AddSingleton<IIncidentCommandHandler, StartedHandler>();
        return builder;
    }
}
