using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace IncidentBot.Sandbox;

/// <summary>How a host serves the sandbox: its services, and the page at <c>/</c> with the emulated Slack under <c>/sandbox</c>.</summary>
public static class SandboxHosting
{
    /// <summary>
    /// The emulated workspace of the registered <see cref="SandboxSession"/>, kept in the host's <see cref="LiteDatabase"/>, Slack's side of
    /// the conversation, and the sandbox's clock, which replaces the host's <see cref="TimeProvider"/> and <see cref="IClock"/>
    /// so a person can skip ahead to the next reminder.
    /// </summary>
    public static IServiceCollection AddEmulatedSlack(this IServiceCollection services)
    {
        var clock = new SandboxClock();
        services.RemoveAll<TimeProvider>();
        services.RemoveAll<IClock>();
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<SandboxChanges>();
        services.AddSingleton<SlackEventBacklog>();
        services.AddSingleton<SandboxResponseUrls>();
        services.AddSingleton(sp => SandboxWorkspace.Create(
            sp.GetRequiredService<LiteDatabase>(), sp.GetRequiredService<SandboxSession>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SlackEventBacklog>(), sp.GetRequiredService<SandboxChanges>()));
        services.AddHttpClient<SlackEmulator>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<SandboxEventService>();
        return services;
    }

    public static IEndpointRouteBuilder MapEmulatedSlack(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sandbox");
        SandboxApiEndpoints.MapApi(group);
        SandboxClockEndpoints.MapClock(group);
        SandboxPageEndpoints.MapPage(app, group);
        return app;
    }
}
