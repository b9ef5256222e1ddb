using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Alerts;

/// <summary>Replace the offer to declare an alert (message <paramref name="Ts"/> in <paramref name="Channel"/>) with who declared it, so nobody clicks twice.</summary>
public sealed record CloseOffer(string Channel, string Ts, RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "CloseAlertOffer";

    public static bool NeedsWarRoom => false;
}
