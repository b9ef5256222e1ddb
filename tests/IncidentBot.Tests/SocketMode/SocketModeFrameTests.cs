using System.Text;
using System.Text.Json;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;

namespace IncidentBot.Tests.SocketMode;

public sealed class SocketModeFrameTests
{
    [Theory]
    [InlineData("hello", "hello", null, false)]
    [InlineData("disconnect", "disconnect", null, false)]
    [InlineData("envelope_slash_commands", "slash_commands", "1d3c79ab-0ffb-41f3-a080-d19e85f53649", true)]
    [InlineData("envelope_events_api_app_mention", "events_api", "cda4159a-72a5-4744-aba3-4d66eb52682b", false)]
    [InlineData("envelope_events_api_message", "events_api", "ac2cfd40-6f8c-4d5e-a1ad-646e532baa19", false)]
    [InlineData("envelope_interactive_shortcut", "interactive", "57d6a792-4d35-4d0b-b6aa-3361493e1caf", false)]
    public void Slacks_sample_frames_read_with_their_type_envelope_id_and_whether_an_answer_is_taken(string sample, string type, string? envelopeId, bool acceptsAnswer)
    {
        var frame = Parse(Fixture.Text($"slack/socket-mode/{sample}.json"));

        Assert.Equal(type, frame.Type);
        Assert.Equal(envelopeId, frame.EnvelopeId);
        Assert.Equal(envelopeId is not null, frame.IsEnvelope);
        Assert.Equal(acceptsAnswer, frame.AcceptsResponsePayload);
    }

    [Fact]
    public void A_disconnect_carries_its_reason_and_a_redelivery_its_attempt()
    {
        Assert.Equal("too_many_websockets", Parse(Fixture.Text("slack/socket-mode/disconnect.json")).Reason);

        var retry = Parse(SocketEnvelopes.Retry(SocketEnvelopes.Sample("envelope_events_api_message"), attempt: 2).ToJsonString());
        Assert.Equal(2, retry.RetryAttempt);
        Assert.Equal("timeout", retry.RetryReason);
    }

    [Fact]
    public void A_slash_command_envelope_carries_the_fields_of_the_http_form_as_json()
    {
        var frame = Parse(Fixture.Text("slack/socket-mode/envelope_slash_commands.json"));

        var command = SlashCommand.FromJson(frame.Payload);

        Assert.Equal(
            new SlashCommand("T111", new("C111"), "random", new("U111"), "testxyz", "/hello-socket-mode", "", "https://hooks.slack.com/commands/T111/111/xxx", "111.222.xxx"),
            command);
    }

    [Fact]
    public void A_command_without_user_channel_or_command_is_not_a_command()
    {
        using var doc = JsonDocument.Parse("""{"text":"create Outage","channel_id":"C1"}""");
        Assert.Null(SlashCommand.FromJson(doc.RootElement));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"envelope_id":"e1"}""")]
    public void A_frame_that_is_not_a_typed_json_object_is_refused(string text)
    {
        Assert.ThrowsAny<JsonException>(() => Parse(text));
    }

    private static SocketModeFrame Parse(string text) => SocketModeFrame.Parse(Encoding.UTF8.GetBytes(text));
}
