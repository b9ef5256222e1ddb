using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

public sealed class SlackIngressTests : BotTest
{
    private readonly EventRecorder subscriber = new("reaction_added");

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ISlackEventSubscriber>(subscriber);

    [Fact]
    public async Task A_signed_command_is_answered_with_an_ephemeral_reply()
    {
        var reply = await Bot.ReplyAsync("help");
        Assert.Contains("create &lt;title&gt; [severity]", reply, StringComparison.Ordinal);
        Assert.Contains("SEV-1", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/slack/commands", "application/x-www-form-urlencoded", "user_id=U1&channel_id=C1&command=%2Fincident&text=create+Outage+sev1")]
    [InlineData("/slack/events", "application/json", """{"type":"url_verification","challenge":"abc"}""")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "payload=%7B%7D")]
    public async Task An_unsigned_request_is_refused_and_reaches_nothing(string path, string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await Bot.Unsigned.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Bot.Store.ListOpen());
        Assert.DoesNotContain(Slack.Calls(), c => c.Method != SlackCalls.StartProbe);
    }

    [Fact]
    public async Task A_request_with_a_forged_signature_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
        {
            Content = new StringContent("user_id=U1&channel_id=C1&command=%2Fincident&text=create+Outage", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, "v0=" + new string('0', 64));
        using var response = await Bot.Unsigned.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Bot.Store.ListOpen());
    }

    [Theory]
    [InlineData("/slack/commands", "99999999999999", 100)]
    [InlineData("/slack/events", "99999999999999", 100)]
    [InlineData("/slack/interactions", "99999999999999", 100)]
    [InlineData("/slack/commands", "9223372036854775807", 100)]
    [InlineData("/slack/commands", "-1", 100)]
    [InlineData("/slack/commands", "99999999999999", 2 << 20)]
    public async Task A_huge_or_malformed_timestamp_is_refused_by_its_headers_before_the_body(string path, string timestamp, int bodyBytes)
    {
        // A body over the 1 MiB limit would be a 413: the headers are judged first.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("text=" + new string('x', bodyBytes), Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, "v0=" + new string('0', 64));
        using var response = await Bot.Unsigned.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Bot.Store.ListOpen());
    }

    [Fact]
    public async Task Url_verification_is_answered_with_its_challenge()
    {
        using var content = new StringContent("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", Encoding.UTF8, "application/json");
        using var response = await Bot.Slack.PostAsync(new Uri("/slack/events", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)json["challenge"]);
    }

    [Fact]
    public async Task An_event_retried_by_slack_is_handled_once()
    {
        var envelope = Fixture.Text("slack/ReactionAddedPayload.json").Replace("\"event_id\": \"\"", "\"event_id\": \"Ev0DEDUP\"", StringComparison.Ordinal);

        for (var retry = 0; retry < 3; retry++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(envelope, Encoding.UTF8, "application/json") };
            if (retry > 0)
            {
                request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
            }

            using var response = await Bot.Slack.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(["Ev0DEDUP"], subscriber.Seen);
    }

    [Theory]
    [InlineData("/slack/events", "application/json", "{not json")]
    [InlineData("/slack/events", "application/json", """{"type":"event_callback","event":"oops"}""")]
    [InlineData("/slack/events", "application/json", """{"type":"something_else"}""")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "nopayload=1")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "payload=%7Bnot+json")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("/slack/commands", "application/x-www-form-urlencoded", "text=help")]
    public async Task A_malformed_signed_body_gets_400_not_500(string path, string contentType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await Bot.Slack.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_200()
    {
        using var response = await Bot.Unsigned.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
