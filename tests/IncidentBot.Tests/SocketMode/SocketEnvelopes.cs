using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.SocketMode;

/// <summary>Socket Mode envelopes built from Slack's sample frames, with the fields a test needs set.</summary>
internal static class SocketEnvelopes
{
    public static JsonObject Sample(string name) => JsonNode.Parse(Fixture.Text($"slack/socket-mode/{name}.json"))!.AsObject();

    /// <summary><c>/incident {text}</c> in <paramref name="channel"/>, as Slack sends it over the socket.</summary>
    public static JsonObject Command(string text, string channel, string envelopeId, string user = BotHost.Reporter)
    {
        var envelope = Sample("envelope_slash_commands");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["team_id"] = FakeSlackApi.TeamId;
        payload["channel_id"] = channel;
        payload["user_id"] = user;
        payload["command"] = "/incident";
        payload["text"] = text;
        return envelope;
    }

    /// <summary>An app_mention event with its own event id.</summary>
    public static JsonObject Mention(string envelopeId, string eventId)
    {
        var envelope = Sample("envelope_events_api_app_mention");
        envelope["envelope_id"] = envelopeId;
        envelope["payload"]!["event_id"] = eventId;
        return envelope;
    }

    /// <summary>A button click (Slack's block_actions sample, clicked by the reporter); Slack takes no answer to it.</summary>
    public static JsonObject Click(string envelopeId)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/BlockActionPayload.json"))!.AsObject();
        payload["user"]!["id"] = BotHost.Reporter;
        return Interactive(envelopeId, payload, acceptsResponsePayload: false);
    }

    /// <summary>A form submitted (Slack's view_submission sample, by the reporter); Slack takes a response_action.</summary>
    public static JsonObject Form(string envelopeId, string callbackId)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = BotHost.Reporter;
        payload["view"]!["callback_id"] = callbackId;
        return Interactive(envelopeId, payload, acceptsResponsePayload: true);
    }

    /// <summary>An <c>interactive</c> envelope around an interaction payload.</summary>
    public static JsonObject Interactive(string envelopeId, JsonObject payload, bool acceptsResponsePayload) => new()
    {
        ["envelope_id"] = envelopeId,
        ["payload"] = payload,
        ["type"] = "interactive",
        ["accepts_response_payload"] = acceptsResponsePayload,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
    };

    /// <summary>The same envelope as Slack redelivers it after no acknowledgement came.</summary>
    public static JsonObject Retry(JsonObject envelope, int attempt = 1)
    {
        var retry = envelope.DeepClone().AsObject();
        retry["retry_attempt"] = attempt;
        retry["retry_reason"] = "timeout";
        return retry;
    }
}
