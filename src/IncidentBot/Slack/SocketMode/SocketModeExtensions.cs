using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Slack.SocketMode;

public static class SocketModeExtensions
{
    /// <summary>Registers Socket Mode and its status for <c>/health</c>; the service connects only when <c>Slack:AppToken</c> is set.</summary>
    public static IServiceCollection AddSocketMode(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SocketModeStatus>();
        services.AddSingleton<RecentEnvelopes>();
        services.AddSingleton<SocketEnvelopeHandler>();
        services.AddSingleton<AppsConnectionsClient>();
        services.AddHttpClient(AppsConnectionsClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<SocketModeService>();
        services.AddHealthChecks().AddCheck<SocketModeHealthCheck>("socket");
        return services;
    }
}
