using IncidentBot.Incidents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Changes;

public static class ChangesExtensions
{
    /// <summary>The one way people change incidents (<see cref="IncidentChanger"/>) and declare them (<see cref="IncidentDeclarer"/>), the war room's effects of a change, and the incident admins.</summary>
    public static IHostApplicationBuilder AddChanges(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<IncidentsOptions>, AdminsValidator>();
        services.AddOptions<IncidentLimits>().BindConfiguration(IncidentLimits.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentLimits>, LimitsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IncidentAdmins>();
        services.AddHostedService<AdminGroupsService>();
        services.AddSingleton<IDecisionEffects, WarRoomEffects>();
        services.AddSingleton<IncidentChanger>();
        services.AddSingleton<IncidentDeclarer>();
        return builder;
    }
}
