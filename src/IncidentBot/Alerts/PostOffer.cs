using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Alerts;

/// <summary>
/// Post the offer to declare an alert (<paramref name="Message"/>, with its button) in <paramref name="Channel"/>; it
/// belongs to no incident yet. Where it was posted is kept on offer <paramref name="OfferId"/>, if it is still
/// <paramref name="Offering"/> (neither for a message stored before offers kept it).
/// </summary>
public sealed record PostOffer(string Channel, RenderedMessage Message, string? OfferId = null, string? Offering = null) : IOutboxPayload
{
    public static string Kind => "PostAlertOffer";

    public static bool NeedsWarRoom => false;
}
