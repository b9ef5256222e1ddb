using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>chat.update of the pinned declaration from the incident's current state.</summary>
public sealed record RefreshDeclaration : IOutboxPayload
{
    public static string Kind => "RefreshDeclaration";

    public static bool ShowsCurrentState => true;
}
