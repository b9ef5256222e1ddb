using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Scheduling;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

public static class EscalationExtensions
{
    /// <summary>The escalation matrix, the responders invited at declaration, <c>/incident escalate</c> and <c>/incident page</c>.</summary>
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

        services.AddOptions<RespondersOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(RespondersOptions.Section).Bind(o.Responders))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RespondersOptions>, RespondersOptionsValidator>();
        services.AddOptions<OnCallOptions>().BindConfiguration(OnCallOptions.Section);
        services.AddHttpClient<OnCallClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ResponderLookup>();
        services.AddSingleton<IIncidentChangeListener, DeclaredResponders>();
        services.AddSingleton<IDecisionEffects, RaisedResponders>();
        services.AddOutboxStep<InviteRespondersStep>();
        services.AddTemplates(RespondersMessage.TemplateName, [RespondersMessage.Sample()]);

        services.AddSingleton<EscalationMatrix>();
        services.AddSingleton<EscalationNotices>();
        services.AddSingleton<EscalationPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<EscalationPolicy>());
        services.AddSingleton<IIncidentCommandHandler, EscalateHandler>();
        services.AddSingleton<IIncidentCommandHandler, PageHandler>();
        return builder;
    }
}
