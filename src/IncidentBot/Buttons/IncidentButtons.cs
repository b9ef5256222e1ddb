using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack.Blocks;

namespace IncidentBot.Buttons;

/// <summary>
/// One click instead of a command. The war-room declaration offers "Take command" while nobody commands and "Post
/// update" (the update form); the #incidents announcement offers "Join war room", where the people who are not in it
/// read about the incident; everyone who sees the declaration is in the war room already. Buttons go once the
/// incident is over.
/// </summary>
public sealed class IncidentButtons : IMessageButtons
{
    public const string Join = "incident_join";
    public const string TakeCommand = "incident_take_command";
    public const string PostUpdate = "incident_post_update";

    public static IReadOnlyCollection<string> All { get; } = [Join, TakeCommand, PostUpdate];

    public IEnumerable<JsonObject> ButtonsFor(KeptMessage message, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (IncidentLifecycle.IsFinal(incident.Status))
        {
            yield break;
        }

        var value = incident.Id.Value.ToString(CultureInfo.InvariantCulture);
        if (message == KeptMessage.Announcement)
        {
            if (!incident.IsPrivate && incident.WarRoom.ChannelId is not null)
            {
                yield return BlockKit.Button("Join war room", Join, value, "primary");
            }

            yield break;
        }

        if (incident.Holder(IncidentRole.Commander) is null)
        {
            yield return BlockKit.Button("Take command", TakeCommand, value, "primary");
        }

        yield return BlockKit.Button("Post update", PostUpdate, value);
    }
}
