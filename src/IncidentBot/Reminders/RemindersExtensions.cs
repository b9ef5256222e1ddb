using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Outbox;
using IncidentBot.Scheduling;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Reminders;

public static class RemindersExtensions
{
    /// <summary>Update reminders with their buttons and form, and <c>/incident remind</c>. Needs <c>AddIncidents</c> and <c>AddScheduling</c>.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ReminderPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<ReminderPolicy>());
        services.AddSingleton<IBlockActionHandler, ReminderActionHandler>();
        services.AddSingleton<IViewSubmissionHandler, UpdateFormHandler>();
        services.AddSingleton<IIncidentCommandHandler, RemindHandler>();
        services.AddSingleton<IDecisionEffects, ReminderEffects>();
        services.AddOutboxStep<PostReminderStep>();
        services.AddOutboxStep<CloseRemindersStep>();
        return builder;
    }
}
