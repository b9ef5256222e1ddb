using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Announce the declaration in the announcement channel (not for a private incident).</summary>
public sealed record Announce : IOutboxPayload
{
    public static string Kind => "Announce";
}
