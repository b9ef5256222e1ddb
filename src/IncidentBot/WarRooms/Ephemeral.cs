using System.Text.Json.Serialization;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// chat.postEphemeral of <paramref name="Text"/> to <paramref name="User"/> in the war room, or in <paramref name="Channel"/>
/// when given (where a button outside the war room was clicked). <paramref name="ResponseUrl"/>, the click's, reaches the
/// person when they are not in that channel.
/// </summary>
public sealed record Ephemeral(
    SlackUserId User,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SlackChannelId? Channel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Uri? ResponseUrl = null) : IOutboxPayload
{
    public static string Kind => "Ephemeral";
}
