using IncidentBot.Escalation;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Escalation follows the incident's state: the matrix pauses once mitigated and at resolve, and a move back (or a
/// reopen) resumes it from its first unfired step, that step's gap after the move; a reopen pages again.
/// </summary>
public sealed class EscalationStateTests : IAsyncLifetime
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));
    private FakeSlackApi slack = null!;
    private FakeHttpReceiver pagerDuty = null!;
    private BotHost bot = null!;
    private string leadership = "";

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        pagerDuty = await FakeHttpReceiver.StartAsync();
        leadership = slack.AddChannel("leadership").Id;
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            // The matrix at its own times: no response target calls a step in early here (AcknowledgementTests has that).
            ["Incidents:ResponseTargets:Targets:SEV-1"] = "Off",
            ["Incidents:Paging:PagerDutyUrl"] = pagerDuty.BaseUrl.ToString(),
            ["Incidents:Paging:Services:payments:Provider"] = "PagerDuty",
            ["Incidents:Paging:Services:payments:RoutingKey"] = "R0PAYMENTSKEY",
            ["Incidents:Escalation:SEV-1:0:After"] = "00:00:00",
            ["Incidents:Escalation:SEV-1:0:Notify:0"] = "U0LEAD",
            ["Incidents:Escalation:SEV-1:0:Page"] = "payments",
            ["Incidents:Escalation:SEV-1:1:After"] = "00:15:00",
            ["Incidents:Escalation:SEV-1:1:Notify:0"] = "U0VPENG",
            ["Incidents:Escalation:SEV-1:2:After"] = "00:30:00",
            ["Incidents:Escalation:SEV-1:2:Notify:0"] = leadership,
            ["Incidents:Escalation:SEV-1:3:After"] = "01:00:00",
            ["Incidents:Escalation:SEV-1:3:Notify:0"] = "U0CEO",
        }, clock: clock);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await pagerDuty.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_SEV1_in_monitoring_calls_nobody_more_and_going_back_resumes_from_the_next_step_counted_from_then()
    {
        var room = await DeclareSev1Async();
        await FireDueAsync();
        await Eventually.TrueAsync(() => slack.DirectMessages("U0LEAD").Count == 1, "the first step");
        clock.AdvanceMinutes(10);
        await bot.ReplyAsync("status monitoring", channel: room);

        clock.AdvanceHours(2);
        Assert.Equal(0, await FireDueAsync());
        Assert.Empty(slack.DirectMessages("U0VPENG"));
        Assert.Empty(slack.Messages(leadership));
        Assert.Empty(slack.DirectMessages("U0CEO"));

        await bot.ReplyAsync("status investigating", channel: room);
        Assert.Equal(0, await FireDueAsync());
        clock.AdvanceMinutes(14);
        Assert.Equal(0, await FireDueAsync());
        Assert.Empty(slack.DirectMessages("U0VPENG"));
        clock.AdvanceMinutes(1);
        await FireDueAsync();
        await Eventually.TrueAsync(() => slack.DirectMessages("U0VPENG").Count == 1, "the next step, 15 min after going back");
        clock.AdvanceMinutes(14);
        Assert.Equal(0, await FireDueAsync());
        Assert.Empty(slack.Messages(leadership));
        clock.AdvanceMinutes(1);
        await FireDueAsync();
        await Eventually.TrueAsync(() => slack.Messages(leadership).Count == 1, "the step after, at its own gap");
        Assert.Empty(slack.DirectMessages("U0CEO"));
    }

    [Fact]
    public async Task A_reopen_pages_again_and_resumes_from_the_first_unfired_step_counted_from_the_reopen()
    {
        var room = await DeclareSev1Async();
        await FireDueAsync();
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 1, "the PagerDuty trigger");
        await bot.ReplyAsync("resolve rolled back", channel: room);
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 2, "the PagerDuty resolve");

        clock.AdvanceHours(3);
        Assert.Equal(0, await FireDueAsync());
        await bot.ReplyAsync("status investigating", channel: room);
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 3, "the PagerDuty trigger again");
        Assert.Equal(["trigger", "resolve", "trigger"], pagerDuty.Requests.Select(r => (string?)r.Json["event_action"]));

        Assert.Equal(0, await FireDueAsync());
        Assert.Empty(slack.DirectMessages("U0VPENG"));
        clock.AdvanceMinutes(15);
        await FireDueAsync();
        await Eventually.TrueAsync(() => slack.DirectMessages("U0VPENG").Count == 1, "the first unfired step, 15 min after the reopen");
        Assert.Empty(slack.Messages(leadership));
        Assert.Single(slack.DirectMessages("U0LEAD"));
    }

    private async Task<string> DeclareSev1Async()
    {
        await bot.ReplyAsync("create Checkout down sev1");
        await bot.OutboxDrainedAsync();
        return slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    /// <summary>Fires what is due now, by this test or the scheduler, and waits until its notices are out; returns the steps this call fired.</summary>
    private async Task<int> FireDueAsync()
    {
        var fired = await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await bot.OutboxDrainedAsync();
        return fired;
    }
}
