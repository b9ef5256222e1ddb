using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// The payloads the fuzzer starts from: Slack's own samples (Fixtures/slack) with ids the bot knows filled in, so a
/// mutation reaches the handler behind each one: the /incident verbs, every event the bot subscribes to, its buttons,
/// forms and shortcuts.
/// </summary>
internal sealed class SlackPayloads(Random random, string general, string announcements)
{
    private static readonly string[] Verbs =
    [
        "help", "list", "", "severity sev1", "severity sev9", "status investigating", "status nope", "role ic <@U0OTHER>", "role lead",
        "note the cache is cold", "update all good", "timeline", "resolve", "close", "cancel", "metrics", "metrics 99999999999 days",
        "review", "started", "remind 10m", "remind 99999999999h", "remind -5m", "escalate", "page payments", "ack", "ack INC-1",
        "postmortem", "action add fix the thing", "action done 99999999999", "statuspage", "impact everyone", "private",
        "create Fuzz outage sev3", "create", "create sev1", "drill", "link https://example.com", "INC-1", "unknown verb",
    ];

    private static readonly string[] ActionIds =
    [
        "incident_join", "incident_take_command", "incident_post_update", "reminder_post_update", "reminder_stop",
        "escalation_acknowledge", "alert_declare", "no_such_action",
    ];

    private static readonly string[] FormCallbacks =
    [
        "incident_create", "incident_update", "add_to_timeline_pick", "incident_create_from_message", "incident_statuspage", "alert_declare", "no_such_form",
    ];

    private static readonly string[] Reactions = ["memo", "pushpin", "white_check_mark", "x", "eyes", ""];

    /// <summary>A slash command's fields, as Slack's sample names them.</summary>
    public List<KeyValuePair<string, string>> Command()
    {
        var sample = JsonNode.Parse(Fixture.Text("slack/SlashCommandPayload.json"))!.AsObject();
        var fields = sample.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
        fields["team_id"] = FakeSlackApi.TeamId;
        fields["channel_id"] = Channel();
        fields["channel_name"] = "general";
        fields["user_id"] = User();
        fields["user_name"] = "someone";
        fields["command"] = random.Next(20) == 0 ? "/other" : "/incident";
        fields["text"] = Verbs[random.Next(Verbs.Length)];
        fields["response_url"] = "https://hooks.slack.com/commands/T0001/1/abc";
        fields["trigger_id"] = Trigger();
        return [.. fields];
    }

    /// <summary>An Events API envelope of one of the types the bot subscribes to (or the URL check).</summary>
    public JsonObject Event(string eventId)
    {
        JsonObject envelope;
        switch (random.Next(6))
        {
            case 0:
                envelope = Sample("slack/ReactionAddedPayload.json");
                var reaction = envelope["event"]!.AsObject();
                reaction["user"] = User();
                reaction["reaction"] = Reactions[random.Next(Reactions.Length)];
                reaction["item"]!["channel"] = Channel();
                reaction["item"]!["ts"] = "1795489920.000100";
                reaction["item_user"] = User();
                if (random.Next(2) == 0)
                {
                    reaction["type"] = "reaction_removed";
                }

                break;
            case 1:
                envelope = Sample("slack/MessagePayload.json");
                envelope["type"] = "event_callback";
                var message = envelope["event"]!.AsObject();
                message["channel"] = Channel();
                message["user"] = User();
                message["text"] = "the database is back";
                message["ts"] = "1795489920.000200";
                message.Remove("bot_id");
                message.Remove("bot_profile");
                break;
            case 2:
                envelope = Sample("slack/PinAddedPayload.json");
                envelope["type"] = "event_callback";
                break;
            case 3:
                envelope = JsonNode.Parse(Fixture.Text("slack/socket-mode/envelope_events_api_app_mention.json"))!["payload"]!.AsObject();
                break;
            case 4:
                envelope = new JsonObject
                {
                    ["type"] = "event_callback",
                    ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = User(), ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1795489920.000300" },
                };
                break;
            default:
                return new JsonObject { ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" };
        }

        envelope["team_id"] = FakeSlackApi.TeamId;
        envelope["event_id"] = eventId;
        envelope["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = FakeSlackApi.TeamId, ["user_id"] = FakeSlackApi.BotUserId, ["is_bot"] = true });
        return envelope;
    }

    /// <summary>A click, a form submission or a message shortcut, with the bot's own action and callback ids.</summary>
    public JsonObject Interaction()
    {
        switch (random.Next(3))
        {
            case 0:
                var click = ReminderTests.Click(Channel(), "1795489920.000100", ActionIds[random.Next(ActionIds.Length)], User());
                click["trigger_id"] = Trigger();
                // Now and then the first incident (a real change, with its Slack work), mostly one the bot never had.
                click["actions"]![0]!["value"] = random.Next(8) switch { 0 => "1", 1 => "INC-1", 2 => "0", 3 => "-1", 4 => "", _ => "99999999999999999999" };
                return click;
            case 1:
                var form = DeclarationForm.Submission("Fuzzed form " + random.Next(1000), random.Next(4) == 0 ? "SEV-3" : "SEV-9", impact: "some", started: random.Next(2) == 0 ? "25:99" : "10:00");
                form["trigger_id"] = Trigger();
                var view = form["view"]!.AsObject();
                view["callback_id"] = FormCallbacks[random.Next(FormCallbacks.Length)];
                view["private_metadata"] = random.Next(3) switch { 0 => general, 1 => "1", _ => "{\"incident\":1,\"channel\":\"" + general + "\"}" };
                view["state"]!["values"]!["status"] = new JsonObject { ["status_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "monitoring" } } };
                view["state"]!["values"]!["text"] = new JsonObject { ["text_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "fuzzed update" } };
                view["state"]!["values"]!["incident"] = new JsonObject { ["incident_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "1" } } };
                return form;
            default:
                var shortcut = Clicks.MessageShortcut(random.Next(2) == 0 ? "add_to_incident_timeline" : "declare_incident_from_message", User(), Channel(), "1795489920.000100", "the disk is full");
                shortcut["trigger_id"] = Trigger();
                return shortcut;
        }
    }

    /// <summary>A fresh trigger id, as Slack gives each click and command one that opens at most one form.</summary>
    private string Trigger() => $"{random.Next()}.{random.Next()}.fuzz";

    private static JsonObject Sample(string path) => JsonNode.Parse(Fixture.Text(path))!.AsObject();

    private string Channel() => random.Next(5) switch { 0 => announcements, 1 => "C0NOPE", 2 => "", _ => general };

    private string User() => random.Next(4) switch { 0 => "U0OTHER", 1 => FakeSlackApi.HumanUserId, 2 => FakeSlackApi.BotUserId, _ => BotHost.Reporter };
}
