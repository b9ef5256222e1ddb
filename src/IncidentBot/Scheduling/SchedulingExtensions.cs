using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>The loop that runs every registered <see cref="IDueWork"/> (update reminders, escalation steps) when it falls due.</summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddKeyedSingleton(DueWorkService.TimeKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        builder.Services.AddHostedService<DueWorkService>();
        return builder;
    }
}
