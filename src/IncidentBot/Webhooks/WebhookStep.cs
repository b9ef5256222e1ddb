using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.Webhooks;

/// <summary>The outbox step of <see cref="WebhookEvent"/>, retried with back-off until the receiver answers.</summary>
public sealed class WebhookStep(WebhookSender sender) : TypedOutboxStep<WebhookEvent>
{
    protected override Task RunAsync(OutboxAttempt attempt, WebhookEvent payload, CancellationToken cancellationToken) =>
        sender.SendAsync(payload, cancellationToken);

    protected override WebhookEvent Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Target ?? "", stored.Text ?? "{}");
    }
}
