using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace IncidentBot.Slack;

public static class SlackExtensions
{
    /// <summary>Registers the Slack options (validated at start), the signature check, the dispatcher both transports share, the typed Web API client and Socket Mode.</summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        builder.Services.AddSingleton<SlackSignatureVerifier>();
        builder.Services.AddSingleton<SlackSignatureFilter>();
        // Replaced by Storage when replicas share a database.
        builder.Services.TryAddSingleton<IDeliveryClaims, SingleReplicaClaims>();
        builder.Services.AddSingleton<IEventDeduplicator, RecentEventIds>();
        builder.Services.AddSingleton<SlackDispatcher>();
        builder.Services.AddResiliencePipeline<string, HttpResponseMessage>(
            SlackApiClient.PipelineName,
            (pipeline, context) =>
            {
                // Retry-After and back-off wait on the registered TimeProvider, so a test moves time instead of sleeping.
                pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
                var loggers = context.ServiceProvider.GetRequiredService<ILoggerFactory>();

                // Polly's own events (two Information lines per call, a stack trace per retry) go to Debug: each retry
                // is said once by the pipeline's own Warning line, and a message that fails for good by the outbox.
                pipeline.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = loggers, SeverityProvider = _ => ResilienceEventSeverity.Debug });
                SlackResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value, loggers.CreateLogger(typeof(SlackResilience)));
            });
        builder.Services.AddTransient<SlackCallTelemetry>();
        builder.Services.AddHttpClient<ISlackApi, SlackApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).AddHttpMessageHandler<SlackCallTelemetry>();
        builder.Services.AddSingleton<SlackTokenState>();
        builder.Services.AddHostedService<SlackTokenProbe>();
        builder.Services.AddHealthChecks().AddCheck<SlackTokenHealthCheck>("slack");
        builder.Services.AddSocketMode();
        return builder;
    }
}
