using IncidentBot.Storage;

namespace IncidentBot.Webhooks;

/// <summary>POST of the signed event <paramref name="Body"/> to the receiver at <paramref name="Url"/>.</summary>
public sealed record WebhookEvent(string Url, string Body) : IOutboxPayload
{
    public static string Kind => "Webhook";

    public static bool NeedsWarRoom => false;
}
