using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.LoadRun;

/// <summary>A request body as Slack sends it, with its signature, ready to be sent many times.</summary>
internal sealed record SignedBody(byte[] Body, string Timestamp, string Signature, string ContentType, string Path);

/// <summary>Builds slash commands and Events API envelopes the way Slack sends them, signed with the run's secret.</summary>
internal sealed class SlackRequests(string signingSecret)
{
    public const string Team = "T0001";
    private long eventCounter;

    public SignedBody Command(string text, string channelId, string userId)
    {
        var form = new Dictionary<string, string>
        {
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["team_id"] = Team,
            ["team_domain"] = "example",
            ["channel_id"] = channelId,
            ["channel_name"] = "incidents",
            ["user_id"] = userId,
            ["user_name"] = "oncall",
            ["command"] = "/incident",
            ["text"] = text,
            ["api_app_id"] = "A0LOADRUN",
            ["is_enterprise_install"] = "false",
            ["response_url"] = "https://hooks.slack.com/commands/T0001/1234567890/abcdefghijklmnop",
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        };
        var body = string.Join('&', form.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        return Sign(Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded", "slack/commands");
    }

    /// <summary>An <c>event_callback</c> envelope around <paramref name="inner"/>, with a fresh event id.</summary>
    public SignedBody Event(JsonObject inner)
    {
        var id = Interlocked.Increment(ref eventCounter);
        var envelope = new JsonObject
        {
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["team_id"] = Team,
            ["api_app_id"] = "A0LOADRUN",
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = $"Ev0LOAD{id:D8}",
            ["event_time"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
        };
        return Sign(Encoding.UTF8.GetBytes(envelope.ToJsonString()), "application/json", "slack/events");
    }

    public SignedBody Sign(byte[] body, string contentType, string path)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Encoding.ASCII.GetString(SlackSignatureVerifier.Compute(signingSecret, timestamp, body));
        return new SignedBody(body, timestamp, signature, contentType, path);
    }

    public static HttpRequestMessage ToRequest(Uri server, SignedBody signed)
    {
        var content = new ByteArrayContent(signed.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", signed.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, signed.Path)) { Content = content };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, signed.Timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signed.Signature);
        return request;
    }
}
