using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>The loop that runs every registered <see cref="IDueWork"/> (update reminders, escalation steps) when it falls due, on the replica that leads; <c>/health</c>'s <c>scheduler</c>.</summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddKeyedSingleton(DueWorkService.TimeKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton<SchedulerLeadership>();
        builder.Services.AddSingleton<DueWorkRetries>();
        builder.Services.AddHostedService<DueWorkService>();
        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }
}
