using System.Text.Json.Nodes;
using IncidentBot.Messaging;
using IncidentBot.Shortcuts;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>Clicks and shortcuts as Slack sends them, built from Slack's own samples with the ids filled in.</summary>
internal static class Clicks
{
    /// <summary>A click on a button under a kept message (declaration, announcement): Slack's block_actions sample.</summary>
    public static JsonObject Button(string channel, string messageTs, string actionId, string user, string incident = "1")
    {
        var payload = ReminderTests.Click(channel, messageTs, actionId, user);
        var action = payload["actions"]![0]!.AsObject();
        action["block_id"] = IncidentMessages.ButtonsBlock;
        action["value"] = incident;
        return payload;
    }

    /// <summary>
    /// A message shortcut: Slack's interactive shortcut sample (the Socket Mode frame's payload) made a
    /// <c>message_action</c> with the fields Slack documents for one: the channel, the message and its ts, a response_url.
    /// </summary>
    public static JsonObject MessageShortcut(string callbackId, string user, string channel, string messageTs, string text, string? author = "U0ENGINEER")
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/socket-mode/envelope_interactive_shortcut.json"))!["payload"]!.AsObject();
        var json = JsonNode.Parse(payload.ToJsonString())!.AsObject();
        json["type"] = "message_action";
        json["callback_id"] = callbackId;
        json["user"]!["id"] = user;
        json["team"]!["id"] = FakeSlackApi.TeamId;
        json["channel"] = new JsonObject { ["id"] = channel, ["name"] = "some-channel" };
        json["message_ts"] = messageTs;
        json["message"] = new JsonObject { ["type"] = "message", ["user"] = author, ["ts"] = messageTs, ["text"] = text };
        json["response_url"] = "https://hooks.slack.com/app/T0001/123/xyz";
        json["trigger_id"] = "111.222." + callbackId;
        return json;
    }

    /// <summary>The incident picker as Slack submits it: Slack's view_submission sample with the pick filled in.</summary>
    public static JsonObject Pick(string user, string metadata, string incident)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = user;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = ShortcutIds.PickIncidentForm;
        view["private_metadata"] = metadata;
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [ShortcutIds.IncidentBlock] = new JsonObject { ["incident_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = incident } } },
            },
        };
        return payload;
    }

    public static List<JsonObject> Buttons(FakeMessage message) =>
        (message.Blocks ?? []).Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject()).ToList();

    public static List<string?> ButtonIds(FakeMessage message) => [.. Buttons(message).Select(b => (string?)b["action_id"])];
}
