using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Post the declaration, rendered from the incident as it is then, and remember its ts.</summary>
public sealed record PostDeclaration : IOutboxPayload
{
    public static string Kind => "PostDeclaration";
}
