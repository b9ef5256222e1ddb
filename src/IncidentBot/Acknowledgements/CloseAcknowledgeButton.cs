using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.Acknowledgements;

/// <summary>
/// Replace the escalation DM whose "Acknowledge" button was clicked (message <paramref name="Ts"/> in the DM
/// <paramref name="Channel"/>) with the same notice and who acknowledged, so nobody clicks a button that can do nothing more.
/// </summary>
public sealed record CloseAcknowledgeButton(string Channel, string Ts, RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "CloseAcknowledgeButton";

    public static bool NeedsWarRoom => false;
}
