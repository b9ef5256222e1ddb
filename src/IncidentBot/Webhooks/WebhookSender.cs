using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Outbox;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Webhooks;

/// <summary>
/// Delivers one webhook event of the outbox: signs it afresh on every attempt (a retry carries a new timestamp) and
/// POSTs it. The outbox retries it with back-off until the receiver answers 2xx; a 4xx sets it aside for good.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<WebhookOptions> options, IClock clock)
{
    public async Task SendAsync(WebhookEvent webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var receivers = options.Value.Webhooks;
        var index = receivers.FindIndex(r => r.Url?.ToString() == webhook.Url);
        var target = "webhook " + (index + 1).ToString(CultureInfo.InvariantCulture);
        if (index < 0)
        {
            throw new OutboundException("webhook", "webhook_not_configured", isTransient: false);
        }

        var body = webhook.Body;
        var ev = JsonNode.Parse(body)!.AsObject();
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, receivers[index].Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(receivers[index].Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.EventIdHeader, (string?)ev["id"]);
        request.Headers.Add(WebhookSignature.EventTypeHeader, (string?)ev["type"]);
        await OutboundException.SendAsync(http, request, target, cancellationToken).ConfigureAwait(false);
    }
}
