using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IncidentBot.Observability;

public static class ObservabilityExtensions
{
    /// <summary>The standard variable that switches the OTLP exporter on (traces, metrics and logs).</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The health checks behind <c>/health</c>, the bot's own instruments (<see cref="BotTelemetry"/>), and, when
    /// <see cref="OtlpEndpoint"/> is set, OpenTelemetry exporting traces, metrics and logs over OTLP (the other
    /// <c>OTEL_*</c> variables apply as usual). Without it no provider listens, so no span is recorded at all.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<BotTelemetry>();
        builder.Services.AddHealthChecks();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]))
        {
            AddOtlpExport(builder.Services);
        }

        return builder;
    }

    /// <summary>A method of its own, so a bot that exports nothing never loads OpenTelemetry's assemblies.</summary>
    private static void AddOtlpExport(IServiceCollection services) =>
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(BotTelemetry.Name).AddEnvironmentVariableDetector())
            .WithTracing(t => t.AddIncidentBotInstrumentation())
            .WithMetrics(m => m.AddIncidentBotInstrumentation())
            .WithLogging()
            .UseOtlpExporter();

    /// <summary>The bot's spans, ASP.NET Core's (without health checks and scrapes) and HttpClient's.</summary>
    public static TracerProviderBuilder AddIncidentBotInstrumentation(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing
            .AddSource(BotTelemetry.Name)
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
            .AddHttpClientInstrumentation();
    }

    /// <summary>The bot's instruments, ASP.NET Core's and HttpClient's.</summary>
    public static MeterProviderBuilder AddIncidentBotInstrumentation(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
    }

    /// <summary>Health checks and Prometheus scrapes come every few seconds and would bury the traces that matter.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    /// <summary>
    /// <c>GET /health</c> from the health checks: 200 while the process serves HTTP, <c>status</c> <c>ok</c> or
    /// <c>degraded</c>, and each check's data beside it (Socket Mode adds <c>socket</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new HealthCheckOptions { ResponseWriter = WriteHealthAsync };
        options.ResultStatusCodes[HealthStatus.Degraded] = StatusCodes.Status200OK;
        return app.MapHealthChecks("/health", options);
    }

    private static async Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var writer = new Utf8JsonWriter(http.Response.Body);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("status", report.Status switch
            {
                HealthStatus.Healthy => "ok",
                HealthStatus.Degraded => "degraded",
                _ => "unhealthy",
            });
            foreach (var (key, value) in report.Entries.Values.SelectMany(e => e.Data))
            {
                writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
        }
    }
}
