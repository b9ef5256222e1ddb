using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>An escalation notice with user-group handles linked: in the war room when <paramref name="Target"/> is null, else in that channel, or as a DM to that user.</summary>
public sealed record Notify(string? Target, RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "Notify";
}
