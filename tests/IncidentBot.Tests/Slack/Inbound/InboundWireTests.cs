using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Slack.Inbound;

/// <summary>The inbound records read through the generated context: Slack's extra and null fields are fine, a missing must-have is a <see cref="JsonException"/>.</summary>
public sealed class InboundWireTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Block_actions_read_the_selected_option_over_the_value_and_ignore_fields_the_bot_does_not_use()
    {
        var payload = BlockActionsPayload.Parse(Json("""
            {"type":"block_actions","user":{"id":"U1","name":"ann"},"container":{"type":"message","message_ts":"1.2","channel_id":"C1"},
             "trigger_id":"T1","actions":[{"action_id":"sev","block_id":"b","value":"x","selected_option":{"value":"sev1","text":{}}},
             {"action_id":"ack","block_id":"c","value":null,"action_ts":"1.3"}],"state":{"values":{}}}
            """));

        Assert.Equal(("U1", "C1", "1.2", "T1"), (payload.UserId.Value, payload.ChannelId?.Value, payload.MessageTs, payload.TriggerId));
        Assert.Equal([new BlockAction("sev", "b", "sev1"), new BlockAction("ack", "c", null)], payload.Actions);
    }

    [Fact]
    public void A_view_submission_flattens_each_kind_of_input()
    {
        var payload = ViewSubmissionPayload.Parse(Json("""
            {"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","callback_id":"declare","private_metadata":"C1",
             "state":{"values":{"title":{"t":{"type":"plain_text_input","value":"Checkout"}},"empty":{"e":{"value":null}},
             "sev":{"s":{"selected_option":{"value":"sev2"}}},"who":{"w":{"selected_user":"U2"}},
             "areas":{"a":{"selected_options":[{"value":"api"},{"value":"web"}]}}}}}}
            """));

        Assert.Equal(("U1", "declare", "C1", "V1"), (payload.UserId.Value, payload.CallbackId, payload.PrivateMetadata, payload.ViewId));
        Assert.Equal(
            new Dictionary<string, string> { ["title"] = "Checkout", ["empty"] = "", ["sev"] = "sev2", ["who"] = "U2", ["areas"] = "api,web" },
            payload.Values);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","actions":[]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":""}}""")]
    [InlineData("""[]""")]
    public void Block_actions_without_a_user_are_refused(string text) =>
        Assert.ThrowsAny<JsonException>(() => BlockActionsPayload.Parse(Json(text)));

    [Fact]
    public void An_event_callback_keeps_the_event_body_and_finds_the_bot_among_the_authorizations()
    {
        var ev = SlackEvent.Parse(Json("""
            {"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"reaction_added","user":"U1"},
             "authorizations":[{"user_id":"U9","is_bot":false},{"user_id":"UBOT","is_bot":true}]}
            """));

        Assert.Equal(("Ev1", "T1", "reaction_added", (SlackUserId?)new SlackUserId("UBOT")), (ev.EventId, ev.TeamId, ev.Type, ev.BotUserId));
        Assert.Equal("U1", ev.Event.GetProperty("user").GetString());
        Assert.Throws<JsonException>(() => SlackEvent.Parse(Json("""{"event_id":"Ev1","event":"x"}""")));
        Assert.Throws<JsonException>(() => SlackEvent.Parse(Json("""{"event":{"type":"message"}}""")));
    }

    [Fact]
    public void A_slash_command_in_json_reads_as_its_form_does_and_anything_else_is_no_command()
    {
        var command = SlashCommand.FromJson(Json("""{"user_id":"U1","channel_id":"C1","command":"/incident","text":"list","is_enterprise_install":"false"}"""));

        Assert.Equal(SlashCommand.Parse("user_id=U1&channel_id=C1&command=%2Fincident&text=list"), command);
        Assert.Null(SlashCommand.FromJson(Json("""{"user_id":"U1","channel_id":"C1"}""")));
        Assert.Null(SlashCommand.FromJson(Json("""[]""")));
    }

    [Fact]
    public void A_socket_mode_frame_reads_its_envelope_and_tolerates_a_null_retry()
    {
        var frame = SocketModeFrame.Parse(Encoding.UTF8.GetBytes("""{"type":"events_api","envelope_id":"E1","payload":{"a":1},"accepts_response_payload":false,"retry_attempt":null}"""));

        Assert.Equal(("events_api", "E1", 0, 1), (frame.Type, frame.EnvelopeId, frame.RetryAttempt, frame.Payload.GetProperty("a").GetInt32()));
        Assert.ThrowsAny<JsonException>(() => SocketModeFrame.Parse(Encoding.UTF8.GetBytes("""["hello"]""")));
        Assert.ThrowsAny<JsonException>(() => SocketModeFrame.Parse(Encoding.UTF8.GetBytes("""{"envelope_id":"E1"}""")));
    }

    [Fact]
    public void A_command_reply_is_the_json_Slack_shows_the_caller()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "divider" });

        Assert.Equal("""{"response_type":"ephemeral","text":"No open incidents \u003C3"}""", new SlackReply("No open incidents <3").ToJson().ToJsonString());
        Assert.Equal("""{"response_type":"in_channel","text":"INC-7","blocks":[{"type":"divider"}]}""", new SlackReply("INC-7", blocks, InChannel: true).ToJson().ToJsonString());
        Assert.Single(blocks);
    }

    [Fact]
    public async Task A_shared_reply_answers_with_the_same_json_as_any_reply_and_a_copy_made_public_is_public()
    {
        var text = "*IncidentBot* — `/incident create <title>` & more";
        var shared = SlackReply.Shared(text);

        var first = await HttpBodyAsync(shared);
        var again = await HttpBodyAsync(SlackReply.Shared(text));

        Assert.Equal(await HttpBodyAsync(new SlackReply(text)), first);
        Assert.Equal(first, again);
        Assert.Equal("in_channel", (string?)JsonNode.Parse(await HttpBodyAsync(shared with { InChannel = true }))!["response_type"]);
        Assert.Equal(text, (string?)JsonNode.Parse(first)!["text"]);
    }

    private static async Task<string> HttpBodyAsync(SlackReply reply)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await reply.ToResult().ExecuteAsync(context);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
