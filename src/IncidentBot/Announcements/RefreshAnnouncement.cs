using IncidentBot.Storage;

namespace IncidentBot.Announcements;

/// <summary>chat.update of every announcement of the incident from its current state.</summary>
public sealed record RefreshAnnouncement : IOutboxPayload
{
    public static string Kind => "RefreshAnnouncement";

    public static bool ShowsCurrentState => true;
}
