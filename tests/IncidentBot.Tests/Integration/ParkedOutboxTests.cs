using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A message that keeps failing is parked after <c>Outbox:MaxAttempts</c> and its lane goes on; <c>/health</c> counts
/// it, <c>GET /admin/outbox</c> lists it (with the admin token only), and <c>POST /admin/outbox/{id}/retry</c> delivers it.
/// </summary>
public sealed class ParkedOutboxTests : BotTest
{
    private const string AdminToken = "admin-secret-for-tests";
    private readonly TestTime time = new();
    private readonly CapturedLog log = new();

    private protected override TestTime? Time => time;

    private protected override IDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Outbox:MaxAttempts"] = "2",
        ["Slack:MaxRetries"] = "0",
        ["Admin:Token"] = AdminToken,
    };

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(log);

    [Fact]
    public async Task A_retry_is_one_line_without_a_stack_and_the_stack_comes_when_the_message_is_parked()
    {
        await Bot.ReplyAsync("create Checkout down --private");
        await Bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;

        Slack.FailNext("chat.postMessage", 500, count: 2);
        await Bot.ReplyAsync("update Rolled back the deploy", channel: room);
        await time.AdvanceUntilAsync(() => Bot.Store.OutboxCounts() == (0, 1), "the update to be parked", TimeSpan.FromSeconds(1));

        var retried = Assert.Single(log.Entries(), e => e.Level == LogLevel.Warning);
        Assert.Matches(@"^Outbox \d+ \(Post\) of INC-1 will be retried: Slack chat.postMessage said http_500; next try in 2s$", retried.Line);
        Assert.Null(retried.Exception);
        var parked = Assert.Single(log.Entries(), e => e.Exception is not null);
        Assert.Equal(LogLevel.Error, parked.Level);
        Assert.Matches(@"^Outbox \d+ \(Post\) of INC-1 is parked after 2 failed attempts: Slack chat.postMessage said http_500; see GET /admin/outbox$", parked.Line);
    }

    [Fact]
    public async Task A_parked_message_is_counted_listed_and_redelivered_on_request_while_its_lane_goes_on()
    {
        // Private: no announcement lines, so the war room's posts are the only chat.postMessage calls.
        await Bot.ReplyAsync("create Checkout down --private");
        await Bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;

        Slack.FailNext("chat.postMessage", 500, count: 2);
        await Bot.ReplyAsync("update Rolled back the deploy", channel: room);
        await Bot.ReplyAsync("update Error rate back to normal", channel: room);
        await time.AdvanceUntilAsync(() => Bot.Store.OutboxCounts() == (0, 1), "the update to be parked and the next to go out", TimeSpan.FromSeconds(1));

        Assert.Single(Slack.Messages(room), m => m.Text.Contains("Error rate back to normal", StringComparison.Ordinal));
        Assert.DoesNotContain(Slack.Messages(room), m => m.Text.Contains("Rolled back", StringComparison.Ordinal));
        var health = JsonNode.Parse(await Bot.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)))!;
        Assert.Equal("degraded", (string?)health["status"]);
        Assert.Equal("1", (string?)health["outbox_parked"]);
        Assert.Equal("0", (string?)health["outbox_pending"]);

        using var listing = await AdminAsync(HttpMethod.Get, "/admin/outbox", AdminToken);
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        var body = await listing.Content.ReadAsStringAsync();
        var parked = JsonNode.Parse(body)!["messages"]!.AsArray().Single()!;
        Assert.Equal("INC-1", (string?)parked["incident"]);
        Assert.Equal("Post", (string?)parked["kind"]);
        Assert.Equal("parked", (string?)parked["state"]);
        Assert.Equal(2, (int?)parked["attempts"]);
        Assert.Equal("http_500", (string?)parked["error"]);
        Assert.DoesNotContain("Rolled back", body, StringComparison.Ordinal);

        using var retried = await AdminAsync(HttpMethod.Post, $"/admin/outbox/{(long)parked["id"]!}/retry", AdminToken);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await Bot.OutboxDrainedAsync();

        Assert.Single(Slack.Messages(room), m => m.Text.Contains("Rolled back the deploy", StringComparison.Ordinal));
        Assert.Equal((0, 0), Bot.Store.OutboxCounts());
        Assert.Contains(Bot.Store.AuditLog(new IncidentBot.Incidents.IncidentId(1)), a => a.Command.StartsWith("outbox retry", StringComparison.Ordinal) && a.User.Value == "admin");
        using var again = await AdminAsync(HttpMethod.Post, $"/admin/outbox/{(long)parked["id"]!}/retry", AdminToken);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_admin_endpoints_refuse_a_missing_or_wrong_token()
    {
        using var none = await AdminAsync(HttpMethod.Get, "/admin/outbox", null);
        using var wrong = await AdminAsync(HttpMethod.Post, "/admin/outbox/1/retry", "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Bot.Unsigned.SendAsync(request);
    }
}
