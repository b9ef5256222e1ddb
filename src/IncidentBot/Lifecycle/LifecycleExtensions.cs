using IncidentBot.Commands;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Lifecycle;

public static class LifecycleExtensions
{
    /// <summary>
    /// The war room's lifecycle verbs: create, severity, role, status, update, resolve, close, list, timeline and cancel.
    /// Needs <c>AddIncidents</c>.
    /// </summary>
    public static IHostApplicationBuilder AddLifecycle(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<CreateHandler>();
        services.AddSingleton<IIncidentCommandHandler>(sp => sp.GetRequiredService<CreateHandler>());
        services.AddSingleton<IViewSubmissionHandler>(sp => sp.GetRequiredService<CreateHandler>());
        services.AddSingleton<IIncidentCommandHandler, SeverityHandler>();
        services.AddSingleton<IIncidentCommandHandler, RoleHandler>();
        services.AddSingleton<IIncidentCommandHandler, StatusHandler>();
        services.AddSingleton<IIncidentCommandHandler, UpdateHandler>();
        services.AddSingleton<IIncidentCommandHandler, ResolveHandler>();
        services.AddSingleton<IIncidentCommandHandler, CloseHandler>();
        services.AddSingleton<ListText>();
        services.AddSingleton<IIncidentCommandHandler, ListHandler>();
        services.AddSingleton<IIncidentCommandHandler, TimelineHandler>();
        services.AddSingleton<IIncidentCommandHandler, CancelHandler>();
        return builder;
    }
}
