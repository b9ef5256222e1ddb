using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>The outgoing webhooks: their settings, the events raised by incident changes, and their outbox step.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebhookOptions>()
            .Configure<IConfiguration>((o, config) => config.GetSection(WebhookOptions.Section).Bind(o.Webhooks))
            .Validate(o => o.Webhooks.All(w => OutboundAddress.IsHttp(w.Url)), "Every item of Incidents:Webhooks needs a Url, an absolute http(s) address.")
            .Validate(o => o.Webhooks.All(w => w.Secret.Length >= 16), "Every item of Incidents:Webhooks needs a Secret of at least 16 characters.")
            .Validate(o => o.Webhooks.Select(w => w.Url).Distinct().Count() == o.Webhooks.Count, "Incidents:Webhooks lists the same Url twice.")
            .Validate(o => o.Webhooks.All(w => w.View is not null), "Incidents:Webhooks:[n]:PrivateIncidents must be Redacted, Full or Omit.")
            .ValidateOnStart();
        services.AddSingleton<WebhookEvents>();
        services.AddSingleton<IIncidentChangeListener>(sp => sp.GetRequiredService<WebhookEvents>());
        services.AddSingleton<IIncidentEventSink>(sp => sp.GetRequiredService<WebhookEvents>());
        services.AddHttpClient<WebhookSender>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddOutboxStep<WebhookStep>();
        return builder;
    }
}
