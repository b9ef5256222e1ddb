using IncidentBot.Changes;
using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Paging;
using IncidentBot.Reminders;
using IncidentBot.Storage;
using IncidentBot.Webhooks;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

public static class EscalationExtensions
{
    /// <summary>The escalation matrix, <c>/incident escalate</c> and <c>/incident page</c>, the pager adapters and the outgoing webhooks.</summary>
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
        services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PagingOptions>, PagingOptionsValidator>();
        services.AddOptions<WebhookOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(WebhookOptions.Section).Bind(o.Webhooks))
            .Validate(o => o.Webhooks.All(w => PagingOptionsValidator.IsHttp(w.Url)), "Every item of Incidents:Webhooks needs a Url, an absolute http(s) address.")
            .Validate(o => o.Webhooks.All(w => w.Secret.Length >= 16), "Every item of Incidents:Webhooks needs a Secret of at least 16 characters.")
            .Validate(o => o.Webhooks.Select(w => w.Url).Distinct().Count() == o.Webhooks.Count, "Incidents:Webhooks lists the same Url twice.")
            .Validate(o => o.Webhooks.All(w => w.View is not null), "Incidents:Webhooks:[n]:PrivateIncidents must be Redacted, Full or Omit.")
            .ValidateOnStart();

        services.AddSingleton<EscalationMatrix>();
        services.AddSingleton<EscalationNotices>();
        services.AddSingleton<EscalationPolicy>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<EscalationPolicy>());
        services.AddSingleton<IIncidentCommandHandler, EscalateHandler>();
        services.AddSingleton<IIncidentCommandHandler, PageHandler>();

        services.AddSingleton<WebhookEvents>();
        services.AddSingleton<IIncidentChangeListener>(sp => sp.GetRequiredService<WebhookEvents>());
        services.AddSingleton<IIncidentEventSink>(sp => sp.GetRequiredService<WebhookEvents>());
        services.AddSingleton<IIncidentChangeListener, PagerResolutions>();
        services.AddSingleton<IDecisionEffects, PagerReopening>();
        services.AddHttpClient<WebhookSender>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient<PagerClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }
}
