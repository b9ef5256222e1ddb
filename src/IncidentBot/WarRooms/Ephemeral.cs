using System.Text.Json.Serialization;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// chat.postEphemeral of <paramref name="Text"/> to <paramref name="User"/> in the war room, or in <paramref name="Channel"/>
/// when given (where a button outside the war room was clicked).
/// </summary>
public sealed record Ephemeral(SlackUserId User, string Text, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SlackChannelId? Channel = null) : IOutboxPayload
{
    public static string Kind => "Ephemeral";
}
