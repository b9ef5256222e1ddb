using IncidentBot.Commands;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Reminders;

public static class RemindersExtensions
{
    /// <summary>Update reminders with their buttons and form, and <c>/incident remind</c>. Needs <c>AddIncidents</c>.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ReminderPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<ReminderPolicy>());
        services.TryAddKeyedSingleton(ReminderService.TimeKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.AddHostedService<ReminderService>();
        services.AddSingleton<IBlockActionHandler, ReminderActionHandler>();
        services.AddSingleton<IViewSubmissionHandler, UpdateFormHandler>();
        services.AddSingleton<IIncidentCommandHandler, RemindHandler>();
        return builder;
    }
}
