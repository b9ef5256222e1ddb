using System.Net;
using System.Net.Sockets;
using IncidentBot.Tests.Fakes;
using IncidentBot.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// <c>Fixtures/outbox-v1.db</c> was written by the bot before outbox steps had typed payloads: three incidents and a
/// monthly review with a pending outbox message of every kind (a fresh declaration of INC-1, every other step of INC-2,
/// whose war room is C00000003, the archive of INC-3's C00000004). The bot of today delivers each after an upgrade.
/// </summary>
public sealed class OutboxUpgradeTests : IAsyncLifetime
{
    /// <summary>The receiver the stored webhook event names; connections to it reach <see cref="webhooks"/>.</summary>
    private const string WebhookUrl = "http://127.0.0.1:47913/hooks/incidents";

    private readonly string path = TestFiles.NewPath("incidentbot-v1");
    private FakeSlackApi slack = null!;
    private FakeHttpReceiver webhooks = null!;
    private FakeHttpReceiver pagerDuty = null!;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "outbox-v1.db"), path);
        slack = await FakeSlackApi.StartAsync();
        webhooks = await FakeHttpReceiver.StartAsync();
        pagerDuty = await FakeHttpReceiver.StartAsync();

        // The channels the stored documents name, in the order that gives them their ids.
        Assert.Equal("C00000001", slack.AddChannel("incidents").Id);
        Assert.Equal("C00000002", slack.AddChannel("general").Id);
        Assert.Equal("C00000003", slack.AddChannel("inc-2-search-is-slow").Id);
        Assert.Equal("C00000004", slack.AddChannel("inc-3-old-outage").Id);
    }

    public async Task DisposeAsync()
    {
        await pagerDuty.DisposeAsync();
        await webhooks.DisposeAsync();
        await slack.DisposeAsync();
        File.Delete(path);
    }

    [Fact]
    public async Task Every_pending_message_stored_before_the_upgrade_reaches_slack_the_webhook_and_the_pager()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Incidents:Webhooks:0:Url"] = WebhookUrl,
            ["Incidents:Webhooks:0:Secret"] = "0123456789abcdef0123",
            ["Incidents:Paging:PagerDutyUrl"] = pagerDuty.BaseUrl.ToString(),
            ["Incidents:Paging:Services:payments:Provider"] = "PagerDuty",
            ["Incidents:Paging:Services:payments:RoutingKey"] = "R0PAYMENTSKEY",
        };
        await using (var bot = BotHost.Start(slack, path, settings, ReachWebhooksAtTheirFake))
        {
            await bot.OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        }

        // INC-1's declaration: war room, invite, declaration, pin, topic, announcement.
        var room = slack.Channel("inc-1-checkout-returns-500s");
        // Overdue since the fixture was written, the update reminder follows the declaration.
        var declaration = slack.Messages(room.Id)[0];
        Assert.Contains("Checkout returns 500s", declaration.Text, StringComparison.Ordinal);
        Assert.Equal([declaration.Ts], slack.Pins(room.Id));
        Called("conversations.invite", room.Id, "U0REPORTER");
        Called("conversations.setTopic", room.Id);
        Assert.Contains(slack.Messages("C00000001"), m => m.Text.Contains("Checkout returns 500s", StringComparison.Ordinal));

        // INC-2's war room: the posts, the edits, the ephemeral, the topic, the invite, the post-mortem file.
        var posted = slack.Messages("C00000003").Select(m => m.Text).ToList();
        Assert.Contains("A post from the v1 outbox", posted);
        Assert.Contains("Escalated to the on-call (v1)", posted);
        Assert.Contains("Status page draft (v1)", posted);
        Called("chat.update", "C00000003", "1795489260.000200", "Reminder done (v1)");
        Called("chat.update", "C00000003", "1795489200.000100");
        Assert.Contains(slack.Ephemerals("C00000003"), e => e.User == "U0REPORTER" && e.Text == "Only you can see this (v1)");
        Called("conversations.setTopic", "C00000003");
        Called("conversations.invite", "C00000003", "U0ONCALL,U0SECOND");
        Called("files.completeUploadExternal", "C00000003", "INC-2");
        Called("conversations.history", "C00000001");

        // Escalation notices outside the war room.
        Assert.Contains(slack.Messages("C00000002"), m => m.Text == "INC-2 needs you in #general (v1)");
        Assert.Contains(slack.DirectMessages("U0ONCALL"), m => m.Text == "INC-2 needs you (v1 DM)");

        // The scribe lane: fetch the text (Slack has no such message, so the note goes and its scribe is told), confirm
        // both, take the reaction off the one removed.
        Called("conversations.history", "C00000003", "1795489300.000300");
        Assert.Contains(slack.Ephemerals("C00000003"), e => e.User == "U0SCRIBE" && e.Text.Contains("could not read that message", StringComparison.Ordinal));
        Called("reactions.add", "C00000003", "1795489300.000300");
        Called("reactions.add", "C00000003", "1795489320.000400");
        Called("reactions.remove", "C00000003", "1795489320.000400");

        // INC-3's archive and the monthly review in #general.
        Called("conversations.archive", "C00000004");
        Called("files.completeUploadExternal", "C00000002", "2026-11");

        // The webhook and the pager.
        Assert.Equal("evt_v1_0001", (string?)Assert.Single(webhooks.Accepted).Json["id"]);
        Assert.Equal(["trigger", "resolve"], pagerDuty.Accepted.Select(r => (string?)r.Json["event_action"]));
        Assert.All(pagerDuty.Accepted, r => Assert.Equal("INC-2", (string?)r.Json["dedup_key"]));
    }

    /// <summary>The stored address stays as it is; the bot's webhook client connects to the fake whatever the port.</summary>
    private void ReachWebhooksAtTheirFake(IServiceCollection services) =>
        services.AddHttpClient<WebhookSender>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, webhooks.BaseUrl.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });

    private void Called(string method, params string[] fragments) =>
        Assert.True(
            slack.Calls(method).Any(c => fragments.All(f => c.Args.ToJsonString().Contains(f, StringComparison.Ordinal))),
            $"{method} with {string.Join(", ", fragments)}; calls: {string.Join(" | ", slack.Calls(method).Select(c => c.Args.ToJsonString()))}");
}
