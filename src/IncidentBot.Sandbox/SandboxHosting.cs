using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Sandbox;

/// <summary>How a host serves the sandbox: its services, and the page at <c>/</c> with the emulated Slack under <c>/sandbox</c>.</summary>
public static class SandboxHosting
{
    /// <summary>The emulated workspace of <paramref name="session"/>, kept in the host's <see cref="LiteDatabase"/>, and Slack's side of the conversation.</summary>
    public static IServiceCollection AddEmulatedSlack(this IServiceCollection services, SandboxSession session)
    {
        services.AddSingleton(session);
        services.AddSingleton<SandboxChanges>();
        services.AddSingleton<SlackEventBacklog>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SandboxWorkspace.Create(
            sp.GetRequiredService<LiteDatabase>(), session, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SlackEventBacklog>(), sp.GetRequiredService<SandboxChanges>()));
        services.AddHttpClient<SlackEmulator>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<SandboxEventService>();
        return services;
    }

    public static IEndpointRouteBuilder MapEmulatedSlack(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sandbox");
        SandboxApiEndpoints.MapApi(group);
        SandboxPageEndpoints.MapPage(app, group);
        return app;
    }
}
