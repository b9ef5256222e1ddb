using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>conversations.archive of the war room.</summary>
public sealed record ArchiveWarRoom : IOutboxPayload
{
    public static string Kind => "ArchiveWarRoom";

    public static bool EndsWarRoom => true;
}
