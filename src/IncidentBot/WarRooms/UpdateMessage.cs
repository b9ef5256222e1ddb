using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>chat.update of the war-room message at <paramref name="Ts"/> with the pre-rendered <paramref name="Message"/>.</summary>
public sealed record UpdateMessage(string Ts, RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "UpdateMessage";
}
