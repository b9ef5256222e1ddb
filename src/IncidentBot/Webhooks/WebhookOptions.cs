namespace IncidentBot.Webhooks;

/// <summary>The receivers of the incident events: <c>Incidents:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Incidents:Webhooks";

    /// <summary>Every receiver gets every event, each on its own outbox lane. Default none.</summary>
    public List<WebhookReceiverOptions> Webhooks { get; set; } = [];
}
