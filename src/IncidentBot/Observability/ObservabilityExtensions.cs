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
    /// OpenTelemetry for the bot's own spans and instruments (<see cref="BotTelemetry"/>), ASP.NET Core and HttpClient,
    /// exported over OTLP when <see cref="OtlpEndpoint"/> is set (the other <c>OTEL_*</c> variables apply as usual), and
    /// the health checks behind <c>/health</c>.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<BotTelemetry>();
        builder.Services.AddHealthChecks();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(BotTelemetry.Name).AddEnvironmentVariableDetector())
            .WithTracing(t => t
                .AddSource(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]))
        {
            // Traces are always recorded (an outbox message keeps its trace context); metrics only aggregate for an exporter.
            otel.WithMetrics(m => m.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithLogging()
                .UseOtlpExporter();
        }

        return builder;
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
