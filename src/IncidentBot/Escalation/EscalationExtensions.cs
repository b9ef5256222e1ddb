using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Scheduling;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

public static class EscalationExtensions
{
    /// <summary>The escalation matrix, <c>/incident escalate</c> and <c>/incident page</c>.</summary>
    public static IHostApplicationBuilder AddEscalation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Each class binds its own section: the matrix and the receivers are sub-sections of Incidents, whose own
        // settings are IncidentsOptions.
        services.AddOptions<EscalationOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(EscalationOptions.Section).Bind(o.Escalation))
            .PostConfigure<IOptions<IncidentsOptions>>((o, incidents) =>
            {
                if (o.Escalation.Count == 0)
                {
                    foreach (var (severity, steps) in EscalationMatrix.Defaults(incidents.Value.Severities))
                    {
                        o.Escalation[severity] = steps;
                    }
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();

        services.AddSingleton<EscalationMatrix>();
        services.AddSingleton<EscalationNotices>();
        services.AddSingleton<EscalationPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<EscalationPolicy>());
        services.AddSingleton<IIncidentCommandHandler, EscalateHandler>();
        services.AddSingleton<IIncidentCommandHandler, PageHandler>();
        return builder;
    }
}
