using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>What a person does that Slack turns into a shortcut or an App Home event: a message shortcut, opening the Home tab.</summary>
public sealed partial class SlackEmulator
{
    /// <summary>The message shortcuts of the app's manifest, by callback id, as the page offers them on a message.</summary>
    public static readonly IReadOnlyList<string> MessageShortcuts = ["add_to_incident_timeline", "declare_incident_from_message"];

    /// <summary>A message shortcut used on a message: a <c>message_action</c> interaction with the whole message.</summary>
    public async Task MessageShortcutAsync(EmulatedUser user, EmulatedChannel channel, string messageTs, string callbackId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(channel);
        if (!MessageShortcuts.Contains(callbackId))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var message = workspace.MessagePayload(channel.Id, messageTs, user.Id) ?? throw new SlackErrorException("message_not_found");
        var payload = new JsonObject
        {
            ["type"] = "message_action",
            ["token"] = "",
            ["action_ts"] = (clock.GetCurrentInstant().ToUnixTimeTicks() / 10).ToString(CultureInfo.InvariantCulture).Insert(10, "."),
            ["team"] = new JsonObject { ["id"] = SandboxDirectory.TeamId, ["domain"] = SandboxDirectory.TeamDomain },
            ["user"] = UserJson(user),
            ["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = channel.Name },
            ["is_enterprise_install"] = false,
            ["enterprise"] = null,
            ["callback_id"] = callbackId,
            ["trigger_id"] = workspace.NewTrigger(user.Id),
            ["response_url"] = ResponseUrl(channel.Id, user.Id),
            ["message_ts"] = messageTs,
            ["message"] = message,
        };
        await InteractAsync(user, channel.Id, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person opens the app's Home tab: Slack sends <c>app_home_opened</c> each time.</summary>
    public Task OpenHomeAsync(EmulatedUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ts = (clock.GetCurrentInstant().ToUnixTimeTicks() / 10).ToString(CultureInfo.InvariantCulture).Insert(10, ".");
        var home = workspace.HomeViewFor(user.Id);
        var ev = new JsonObject { ["type"] = "app_home_opened", ["user"] = user.Id, ["channel"] = "D" + user.Id[1..], ["tab"] = "home", ["event_ts"] = ts };
        if (home is not null)
        {
            ev["view"] = new JsonObject { ["id"] = home.Id, ["type"] = "home" };
        }

        return SendEventAsync(ev, cancellationToken);
    }
}
