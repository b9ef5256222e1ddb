using IncidentBot.Messaging;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Post <paramref name="Message"/>, rendered as the decision stood, in the war room.</summary>
public sealed record Post(RenderedMessage Message) : IOutboxPayload
{
    public static string Kind => "Post";
}
