using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Incidents that end without a resolve: a war room Slack refuses (the incident fails) and a mistaken declaration the
/// commander cancels. Either way nobody is reminded, escalated to or paged for it afterwards.
/// </summary>
public sealed class IncidentEndTests : IAsyncLifetime
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));
    private FakeSlackApi slack = null!;
    private FakeHttpReceiver pagerDuty = null!;
    private FakeHttpReceiver receiver = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        pagerDuty = await FakeHttpReceiver.StartAsync();
        receiver = await FakeHttpReceiver.StartAsync();
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:Webhooks:0:Url"] = new Uri(receiver.BaseUrl, "/hooks/incidents").ToString(),
            ["Incidents:Webhooks:0:Secret"] = "a-secret-of-sixteen-or-more",
            ["Incidents:AutoEscalation"] = "true",
            // The matrix at its own times: no response target calls a step in early here (AcknowledgementTests has that).
            ["Incidents:ResponseTargets:Targets:SEV-1"] = "Off",
            ["Incidents:Paging:PagerDutyUrl"] = pagerDuty.BaseUrl.ToString(),
            ["Incidents:Paging:Services:payments:Provider"] = "PagerDuty",
            ["Incidents:Paging:Services:payments:RoutingKey"] = "R0PAYMENTSKEY",
            ["Incidents:Escalation:SEV-1:0:After"] = "00:05:00",
            ["Incidents:Escalation:SEV-1:0:Notify:0"] = "U0ONCALL",
            ["Incidents:Escalation:SEV-1:0:Page"] = "payments",
            ["Incidents:Escalation:SEV-1:1:After"] = "00:15:00",
            ["Incidents:Escalation:SEV-1:1:Notify:0"] = "U0VPENG",
        }, clock: clock);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await receiver.DisposeAsync();
        await pagerDuty.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_war_room_Slack_refuses_fails_the_incident_tells_the_reporter_why_and_nobody_is_called_after()
    {
        slack.ErrorNext("conversations.create", "restricted_action");

        await bot.ReplyAsync("create Checkout down sev1");
        await Eventually.TrueAsync(() => slack.Ephemerals(bot.General).Count == 1, "the reporter to be told");
        await bot.OutboxDrainedAsync();

        var told = Assert.Single(slack.Ephemerals(bot.General));
        Assert.Equal(BotHost.Reporter, told.User);
        Assert.Contains("could not create the war room for INC-1", told.Text, StringComparison.Ordinal);
        Assert.Contains("Slack said `restricted_action`", told.Text, StringComparison.Ordinal);
        Assert.Contains("marked failed", told.Text, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Failed, bot.Store.Find(new IncidentId(1))!.Status);
        Assert.Equal("No open incidents. 🎉", (await bot.ReplyAsync("list")).Trim());

        clock.AdvanceHours(2);
        Assert.Equal(0, await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync());
        Assert.Equal(0, await bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Empty(pagerDuty.Requests);
        Assert.Empty(slack.DirectMessages("U0ONCALL"));
        Assert.Empty(slack.DirectMessages("U0VPENG"));
        Assert.Contains("*All* · 0", await bot.ReplyAsync("metrics"), StringComparison.Ordinal);
        Assert.Contains(receiver.Requests, r => (string?)r.Json["type"] == "incident.failed");
    }

    [Fact]
    public async Task When_the_origin_channel_is_out_of_reach_the_reporter_hears_of_the_failure_in_a_DM()
    {
        var elsewhere = slack.AddChannel("random", botIsMember: false).Id;
        slack.ErrorNext("conversations.create", "restricted_action");

        await bot.ReplyAsync("create Checkout down sev1", channel: elsewhere);
        await Eventually.TrueAsync(() => slack.DirectMessages(BotHost.Reporter).Count == 1, "a DM to the reporter");

        Assert.Contains("Slack said `restricted_action`", slack.DirectMessages(BotHost.Reporter)[0].Text, StringComparison.Ordinal);
        Assert.Empty(slack.Ephemerals(elsewhere));
    }

    [Fact]
    public async Task The_commander_cancels_a_mistaken_declaration_its_pages_are_resolved_and_nothing_follows()
    {
        await bot.ReplyAsync("create Checkout down sev1");
        await bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await bot.ReplyAsync("lead <@U0LEAD>", channel: room);
        clock.AdvanceMinutes(5);
        await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 1, "the PagerDuty trigger");

        var byLead = await bot.ReplyAsync("cancel", user: "U0LEAD", channel: room);
        var done = await bot.ReplyAsync("cancel declared by mistake", channel: room);
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 2, "the PagerDuty resolve");
        await bot.OutboxDrainedAsync();

        Assert.Equal($"Only INC-1's incident commander <@{BotHost.Reporter}> can cancel it.", byLead);
        Assert.Equal("INC-1 is cancelled: no more reminders, escalation or pages. Its timeline is kept; the war room is being archived.", done);
        Assert.Equal("resolve", (string?)pagerDuty.Requests[1].Json["event_action"]);
        var texts = slack.Messages(room).Select(IncidentCommandTests.Flatten).ToList();
        Assert.Contains(texts, t => t.Contains("INC-1 cancelled", StringComparison.Ordinal) && t.Contains("declared by mistake", StringComparison.Ordinal));
        var declaration = slack.Messages(room).Single(m => m.Ts == slack.Pins(room)[0]);
        Assert.Contains("CANCELLED", IncidentCommandTests.Flatten(declaration), StringComparison.Ordinal);
        Assert.Contains("cancelled", slack.Channel(room).Topic, StringComparison.Ordinal);
        Assert.Contains(texts, t => t.Contains("This channel is archived now", StringComparison.Ordinal));
        Assert.True(slack.Channel(room).IsArchived, "a cancelled incident is never closed, so its room is archived at cancel");
        Assert.True(slack.Calls("conversations.setTopic")[^1].At <= slack.Calls("conversations.archive")[^1].At, "the topic says cancelled before the channel goes read-only");
        var announced = slack.Messages(bot.AnnouncementChannel);
        var announcement = Assert.Single(announced, m => m.ThreadTs is null);
        Assert.Contains("INC-1 cancelled", IncidentCommandTests.Flatten(announcement), StringComparison.Ordinal);
        Assert.Contains(announced, m => m.ThreadTs == announcement.Ts && IncidentCommandTests.Flatten(m).Contains("*Cancelled* by", StringComparison.Ordinal) && IncidentCommandTests.Flatten(m).Contains("declared by mistake", StringComparison.Ordinal));
        Assert.Contains(bot.Store.Timeline(new IncidentId(1)), e => e.Kind == TimelineKind.Cancelled && e.Text == "Cancelled: declared by mistake");
        Assert.Contains(receiver.Requests, r => (string?)r.Json["type"] == "incident.cancelled");

        clock.AdvanceHours(2);
        Assert.Equal(0, await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync());
        Assert.Equal(0, await bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Empty(slack.DirectMessages("U0VPENG"));
        Assert.Equal(2, pagerDuty.Requests.Count);
        Assert.DoesNotContain("INC-1", await bot.ReplyAsync("list"), StringComparison.Ordinal);
        Assert.Contains("*All* · 0", await bot.ReplyAsync("metrics"), StringComparison.Ordinal);
        Assert.StartsWith("Not done: the incident was cancelled", await bot.ReplyAsync("resolve fixed", channel: room), StringComparison.Ordinal);
    }
}
