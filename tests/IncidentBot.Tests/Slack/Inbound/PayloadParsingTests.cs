using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Tests.Slack.Inbound;

/// <summary>
/// Slack's own sample payloads (values masked by the SDK that recorded them) with the masked ids filled in,
/// so the parsers are held to Slack's real field names and nesting.
/// </summary>
public sealed class PayloadParsingTests
{
    private static JsonObject Sample(string name) => JsonNode.Parse(Fixture.Text("slack/" + name))!.AsObject();

    [Fact]
    public void Slash_command_sample_parses_as_a_form_body()
    {
        var sample = Sample("SlashCommandPayload.json");
        sample["user_id"] = "U2CERLKJA";
        sample["channel_id"] = "C1234567";
        sample["command"] = "/incident";
        sample["text"] = "create Checkout 500s <@U0LEAD|lead> sev1";
        sample["trigger_id"] = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var form = QueryHelpers.AddQueryString("", sample.ToDictionary(p => p.Key, p => (string?)p.Value!.ToString()))[1..];

        var command = SlashCommand.Parse(form);

        Assert.NotNull(command);
        Assert.Equal("U2CERLKJA", command.UserId.Value);
        Assert.Equal("C1234567", command.ChannelId.Value);
        Assert.Equal("/incident", command.Command);
        Assert.Equal("create Checkout 500s <@U0LEAD|lead> sev1", command.Text);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", command.TriggerId);
    }

    [Fact]
    public void Slash_command_without_user_or_channel_is_not_a_command()
    {
        var sample = Sample("SlashCommandPayload.json");
        var form = QueryHelpers.AddQueryString("", sample.ToDictionary(p => p.Key, p => (string?)p.Value!.ToString()))[1..];
        Assert.Null(SlashCommand.Parse(form));
    }

    [Fact]
    public void Block_actions_sample_parses_user_channel_message_and_action()
    {
        var sample = Sample("BlockActionPayload.json");
        sample["user"]!["id"] = "U0CLICKER";
        sample["channel"]!["id"] = "C0WARROOM";
        sample["container"]!["message_ts"] = "1700000000.000100";
        sample["trigger_id"] = "123.456.abc";
        var action = sample["actions"]!.AsArray()[0]!.AsObject();
        action["action_id"] = "reminder_snooze";
        action["block_id"] = "reminder";
        action["value"] = "INC-7";
        using var doc = JsonDocument.Parse(sample.ToJsonString());

        var payload = BlockActionsPayload.Parse(doc.RootElement);

        Assert.Equal("U0CLICKER", payload.UserId.Value);
        Assert.Equal("C0WARROOM", payload.ChannelId?.Value);
        Assert.Equal("1700000000.000100", payload.MessageTs);
        Assert.Equal("123.456.abc", payload.TriggerId);
        var parsed = Assert.Single(payload.Actions, a => a.ActionId == "reminder_snooze");
        Assert.Equal("reminder", parsed.BlockId);
    }

    [Fact]
    public void View_submission_sample_parses_callback_metadata_and_input_values()
    {
        var sample = Sample("ViewSubmissionPayload.json");
        sample["user"]!["id"] = "U0REPORTER";
        var view = sample["view"]!.AsObject();
        view["callback_id"] = "incident_create";
        view["private_metadata"] = "C0GENERAL";
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["title"] = new JsonObject { ["title_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Checkout 500s" } },
                ["severity"] = new JsonObject { ["severity_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "SEV-1" } } },
                ["private"] = new JsonObject { ["private_check"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "private" }) } },
            },
        };
        using var doc = JsonDocument.Parse(sample.ToJsonString());

        var payload = ViewSubmissionPayload.Parse(doc.RootElement);

        Assert.Equal("U0REPORTER", payload.UserId.Value);
        Assert.Equal("incident_create", payload.CallbackId);
        Assert.Equal("C0GENERAL", payload.PrivateMetadata);
        Assert.Equal("Checkout 500s", payload.Values["title"]);
        Assert.Equal("SEV-1", payload.Values["severity"]);
        Assert.Equal("private", payload.Values["private"]);
    }

    [Fact]
    public void Reaction_added_envelope_sample_parses_to_a_typed_event()
    {
        var sample = Sample("ReactionAddedPayload.json");
        sample["event_id"] = "Ev0001";
        var ev = sample["event"]!.AsObject();
        ev["user"] = "U0SCRIBE";
        ev["reaction"] = "memo";
        ev["item_user"] = "U0AUTHOR";
        ev["item"]!["channel"] = "C0WARROOM";
        using var doc = JsonDocument.Parse(sample.ToJsonString());

        var envelope = SlackEvent.Parse(doc.RootElement);
        var reaction = ReactionEvent.Parse(envelope.Event);

        Assert.Equal("Ev0001", envelope.EventId);
        Assert.Equal("reaction_added", envelope.Type);
        Assert.NotNull(reaction);
        Assert.True(reaction.Added);
        Assert.Equal("U0SCRIBE", reaction.User.Value);
        Assert.Equal("memo", reaction.Reaction);
        Assert.Equal("U0AUTHOR", reaction.ItemUser?.Value);
        Assert.Equal("C0WARROOM", reaction.Channel.Value);
        Assert.Equal("0000000000.000000", reaction.Ts);
    }

    [Fact]
    public void Reaction_on_a_webhook_message_has_no_item_user_and_still_parses()
    {
        using var schema = Fixture.Json("slack/slack_common_event_wrapper_schema.json");
        var example = schema.RootElement.GetProperty("examples")[1];
        var ev = JsonNode.Parse(example.GetProperty("event").GetRawText())!.AsObject();
        ev.Remove("item_user");
        using var doc = JsonDocument.Parse(ev.ToJsonString());

        var reaction = ReactionEvent.Parse(doc.RootElement);

        Assert.NotNull(reaction);
        Assert.Null(reaction.ItemUser);
        Assert.Equal("C0G9QF9GZ", reaction.Channel.Value);
        Assert.Equal("1360782400.498405", reaction.Ts);
    }

    [Fact]
    public void Event_wrapper_schema_example_parses_as_an_event_callback()
    {
        using var schema = Fixture.Json("slack/slack_common_event_wrapper_schema.json");
        var envelope = SlackEvent.Parse(schema.RootElement.GetProperty("examples")[1]);
        Assert.Equal("EvXXXXXXXX", envelope.EventId);
        Assert.Equal("reaction_added", envelope.Type);
    }
}
