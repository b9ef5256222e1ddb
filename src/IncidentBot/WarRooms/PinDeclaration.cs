using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>pins.add of the declaration.</summary>
public sealed record PinDeclaration : IOutboxPayload
{
    public static string Kind => "PinDeclaration";
}
