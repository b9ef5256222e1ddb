using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Scheduling;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Acknowledgements;

public static class AcknowledgementsExtensions
{
    /// <summary>
    /// <c>/incident ack</c>, the escalation DM's "Acknowledge" button, acknowledgements from alert sources
    /// (<see cref="AlertAcknowledgements"/>) and the response targets that escalate while nobody has acknowledged.
    /// Needs <c>AddIncidents</c>, <c>AddScheduling</c> and <c>AddEscalation</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAcknowledgements(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ResponseTargetsOptions>()
            .BindConfiguration(ResponseTargetsOptions.Section)
            .PostConfigure<IOptions<IncidentsOptions>>((o, incidents) =>
            {
                if (o.Targets.Count == 0)
                {
                    foreach (var (severity, target) in incidents.Value.Severities.Zip(ResponseTargets.DefaultsByRank))
                    {
                        o.Targets[severity.Name] = target;
                    }
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResponseTargetsOptions>, ResponseTargetsOptionsValidator>();
        services.AddTemplates(AcknowledgementMessages.Samples);
        services.AddSingleton<AcknowledgementMessages>();
        services.AddSingleton<ResponseTargets>();
        services.AddSingleton<AlertAcknowledgements>();
        services.AddSingleton<ResponseTargetPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<ResponseTargetPolicy>());
        services.AddSingleton<IIncidentCommandHandler, AckHandler>();
        services.AddSingleton<IBlockActionHandler, AcknowledgeActionHandler>();
        services.AddOutboxStep<CloseAcknowledgeButtonStep>();
        return builder;
    }
}
