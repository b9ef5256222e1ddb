using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>conversations.create of the war room (recognises its own channel after a crash).</summary>
public sealed record CreateWarRoom : IOutboxPayload
{
    public static string Kind => "CreateWarRoom";

    public static bool NeedsWarRoom => false;
}
