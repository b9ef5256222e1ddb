using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Alerts;

/// <summary>Post the offer to declare an alert (<paramref name="Message"/>, with its button) in <paramref name="Channel"/>; it belongs to no incident yet.</summary>
public sealed record PostOffer(string Channel, RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "PostAlertOffer";

    public static bool NeedsWarRoom => false;
}
