using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>conversations.setTopic from the incident's current state.</summary>
public sealed record SetTopic : IOutboxPayload
{
    public static string Kind => "SetTopic";

    public static bool ShowsCurrentState => true;
}
