using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>chat.postEphemeral of <paramref name="Text"/> in the war room to <paramref name="User"/>.</summary>
public sealed record Ephemeral(SlackUserId User, string Text) : IOutboxPayload
{
    public static string Kind => "Ephemeral";
}
