using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IncidentBot.Escalation;
using IncidentBot.Tests.Fakes;
using IncidentBot.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Outgoing webhooks through the real host and outbox, to a receiver that fails before it accepts.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "whsec-0123456789abcdef";
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;
    private FakeHttpReceiver receiver = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        receiver = await FakeHttpReceiver.StartAsync();
        bot = Start();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await receiver.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_drill_sends_receivers_nothing()
    {
        await bot.ReplyAsync("drill Checkout failover sev1");
        await bot.OutboxDrainedAsync();
        await bot.ReplyAsync("severity sev2", channel: slack.Channels.Single(c => c.Name.StartsWith("drill-inc-", StringComparison.Ordinal)).Id);
        await bot.OutboxDrainedAsync();

        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Every_change_reaches_the_receiver_once_signed_after_it_failed_twice()
    {
        receiver.FailFirst = 2;
        await bot.ReplyAsync("create Checkout down sev1");
        // Slack's lanes drain while the webhook lane is still retrying.
        await Eventually.TrueAsync(() => bot.Store.PendingOutbox().All(m => m.Kind == WebhookEvent.Kind), "the Slack side of the declaration");
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await bot.ReplyAsync("severity sev2", channel: room);
        await bot.ReplyAsync("lead <@U0LEAD|lead>", channel: room);
        await bot.ReplyAsync("status identified", channel: room);
        await bot.ReplyAsync("resolve rolled back", channel: room);
        await bot.ReplyAsync("close", channel: room);

        await DeliveredAsync(7);

        var accepted = receiver.Accepted;
        Assert.Equal(
            ["incident.declared", "incident.escalated", "incident.severity_changed", "incident.role_assigned", "incident.status_changed", "incident.resolved", "incident.closed"],
            accepted.Select(r => (string?)r.Json["type"]));
        Assert.Equal(7, accepted.Select(r => (string?)r.Json["id"]).Distinct().Count());
        Assert.All(accepted, r =>
        {
            Assert.Equal(Sign(r.Header("X-IncidentBot-Timestamp"), r.Body), r.Header("X-IncidentBot-Signature"));
            Assert.Equal((string?)r.Json["id"], r.Header("X-IncidentBot-Event-Id"));
            Assert.Equal("INC-1", (string?)r.Json["incident"]!["id"]);
            Assert.Equal("/hooks/incidents", r.Path);
        });
        var failed = receiver.Requests.Where(r => r.Status == 500).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.Equal((string?)accepted[0].Json["id"], (string?)f.Json["id"]));
        Assert.Equal("SEV-2", (string?)accepted[2].Json["incident"]!["severity"]);
        Assert.Equal("U0LEAD", (string?)accepted[3].Json["incident"]!["roles"]!["tech_lead"]);
    }

    [Fact]
    public async Task Events_waiting_for_a_receiver_that_is_down_are_delivered_after_a_restart()
    {
        receiver.FailFirst = int.MaxValue;
        await bot.ReplyAsync("create Checkout down sev3");
        await Eventually.TrueAsync(() => receiver.Requests.Count > 0, "a first attempt");
        var path = bot.DatabasePath;
        await bot.DisposeAsync();

        receiver.FailFirst = 0;
        // Past the retry's back-off, and far from the SEV-3 matrix's 15-minute step, which would be a third event.
        time.Advance(TimeSpan.FromMinutes(1));
        bot = Start(path);
        await DeliveredAsync(2, exactlyOnce: false);

        // A request the stopping bot had under way may still land and be accepted; the same id lets the receiver drop it.
        Assert.Equal(["incident.declared", "incident.escalated"], receiver.Accepted.DistinctBy(r => (string?)r.Json["id"]).Select(r => (string?)r.Json["type"]));
    }

    private BotHost Start(string? path = null) => BotHost.Start(
        slack,
        path,
        new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            ["Incidents:Webhooks:0:Url"] = new Uri(receiver.BaseUrl, "/hooks/incidents").ToString(),
            ["Incidents:Webhooks:0:Secret"] = Secret,
        },
        time: time);

    /// <summary>Moves time past each retry's back-off (2 s, doubling) until <paramref name="count"/> distinct events were accepted.</summary>
    private async Task DeliveredAsync(int count, bool exactlyOnce = true)
    {
        int Distinct() => receiver.Accepted.Select(r => (string?)r.Json["id"]).Distinct().Count();
        for (var round = 0; round < 20 && Distinct() < count; round++)
        {
            // Time moves on while the test waits, so a retry set due while a lane was still running comes too.
            var seen = receiver.Requests.Count;
            await time.AdvanceUntilAsync(() => receiver.Requests.Count > seen || Distinct() >= count, "another delivery attempt", TimeSpan.FromSeconds(2));
        }

        await Eventually.TrueAsync(() => Distinct() >= count, $"{count} accepted events");
        await bot.OutboxDrainedAsync();
        Assert.Equal(count, Distinct());
        if (exactlyOnce)
        {
            Assert.Equal(count, receiver.Accepted.Count);
        }
    }

    /// <summary>What the README tells receivers to compute.</summary>
    private static string Sign(string timestamp, string body)
    {
        Assert.True(long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "v1=" + Convert.ToHexStringLower(mac);
    }
}
