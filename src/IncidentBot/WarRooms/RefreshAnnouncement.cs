using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>chat.update of the incident's announcement from its current state.</summary>
public sealed record RefreshAnnouncement : IOutboxPayload
{
    public static string Kind => "RefreshAnnouncement";
}
