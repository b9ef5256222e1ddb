using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

public static class AlertsExtensions
{
    /// <summary>
    /// Incidents declared from PagerDuty, Opsgenie and Alertmanager (<see cref="AlertEndpoints"/>): the <c>Alerts</c>
    /// settings and their routes, the intake, the "Declare incident" button and its form. Needs <c>AddChanges</c> and <c>AddIncidents</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();
        services.AddSingleton<AlertRouter>();
        services.AddSingleton<AlertOffers>();
        services.AddSingleton<AlertMessages>();
        services.AddSingleton<AlertIntake>();
        services.AddSingleton<AlertOfferHandler>();
        services.AddSingleton<IBlockActionHandler>(sp => sp.GetRequiredService<AlertOfferHandler>());
        services.AddSingleton<IViewSubmissionHandler>(sp => sp.GetRequiredService<AlertOfferHandler>());
        services.AddOutboxStep<PostOfferStep>();
        services.AddOutboxStep<CloseOfferStep>();
        services.AddTemplates(AlertMessages.Samples);
        return builder;
    }
}
