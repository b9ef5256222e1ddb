using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>The escalation matrix through the real host, with the bot's clock moved by the test instead of waiting.</summary>
public sealed class EscalationTests : IAsyncLifetime
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;
    private string leadership = "";

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        leadership = slack.AddChannel("leadership").Id;
        bot = Start();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task An_unresolved_SEV1_fires_each_step_once_at_its_time()
    {
        var room = await DeclareSev1Async();
        await EscalatedAsync(room, 1);
        Assert.Single(slack.DirectMessages("U0LEAD"));
        Assert.Contains("@oncall", Escalations(room)[0].Text, StringComparison.Ordinal);
        Assert.Contains("U0LEAD", slack.Channel(room).Members);

        clock.AdvanceMinutes(14);
        await SendDueAsync();
        Assert.Single(Escalations(room));

        clock.AdvanceMinutes(1);
        await EscalatedAsync(room, 2);
        Assert.Single(slack.DirectMessages("U0VPENG"));

        clock.AdvanceMinutes(15);
        await EscalatedAsync(room, 3);
        Assert.Single(slack.Messages(leadership));

        clock.AdvanceMinutes(30);
        await EscalatedAsync(room, 4);
        clock.AdvanceHours(3);
        await SendDueAsync();
        await bot.OutboxDrainedAsync();

        Assert.Equal(4, Escalations(room).Count);
        Assert.Single(slack.DirectMessages("U0CEO"));
        Assert.Single(slack.DirectMessages("U0VPENG"));
        Assert.All(slack.Calls("chat.postMessage").Where(c => c.Args["text"]!.ToString().StartsWith("🚨 *Escalated*", StringComparison.Ordinal)), c => Assert.True((bool)c.Args["link_names"]!));
        Assert.Equal(4, bot.Store.Timeline(new IncidentId(1)).Count(e => e.Kind == TimelineKind.Escalated));
    }

    [Fact]
    public async Task A_resolved_incident_fires_no_more_steps()
    {
        var room = await DeclareSev1Async();
        await EscalatedAsync(room, 1);
        await bot.ReplyAsync("resolve fixed", channel: room);

        clock.AdvanceHours(2);
        Assert.Equal(0, await SendDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Single(Escalations(room));
        Assert.Empty(slack.DirectMessages("U0VPENG"));
        Assert.Empty(slack.Messages(leadership));
    }

    [Fact]
    public async Task A_restart_after_two_missed_steps_fires_each_once()
    {
        var room = await DeclareSev1Async();
        await EscalatedAsync(room, 1);
        var path = bot.DatabasePath;
        await bot.DisposeAsync();
        clock.AdvanceMinutes(31);

        bot = Start(path);
        await EscalatedAsync(room, 3);
        await SendDueAsync();
        bot.Services.GetRequiredService<StoreSignals>().Incidents.Notify();
        await bot.OutboxDrainedAsync();

        Assert.Equal(3, Escalations(room).Count);
        Assert.Single(slack.DirectMessages("U0VPENG"));
        Assert.Single(slack.Messages(leadership));
        Assert.Empty(slack.DirectMessages("U0CEO"));
    }

    [Fact]
    public async Task Lowering_to_SEV3_drops_the_remaining_SEV1_steps()
    {
        var room = await DeclareSev1Async();
        await EscalatedAsync(room, 1);
        clock.AdvanceMinutes(20);
        await EscalatedAsync(room, 2);

        Assert.StartsWith("INC-1 is now SEV-3", await bot.ReplyAsync("severity sev3", channel: room), StringComparison.Ordinal);
        clock.AdvanceHours(2);
        await SendDueAsync();
        await bot.OutboxDrainedAsync();

        Assert.Equal(2, Escalations(room).Count);
        Assert.Empty(slack.Messages(leadership));
        Assert.Empty(slack.DirectMessages("U0CEO"));
        Assert.Single(slack.DirectMessages("U0LEAD"));
    }

    [Fact]
    public async Task Escalating_by_hand_calls_them_in_and_only_role_holders_may()
    {
        var room = await DeclareSev1Async();
        await EscalatedAsync(room, 1);

        var refused = await bot.ReplyAsync("escalate <@U0CTO|cto>", user: "U0BYSTANDER", channel: room);
        var done = await bot.ReplyAsync("escalate <@U0CTO|cto> <!subteam^S0SRE|@sre>", channel: room);
        var nonsense = await bot.ReplyAsync("escalate everyone!", channel: room);
        await EscalatedAsync(room, 2);

        Assert.StartsWith("Only INC-1's role holders can escalate it", refused, StringComparison.Ordinal);
        Assert.Equal("Escalated INC-1 to <@U0CTO> <!subteam^S0SRE>.", done);
        Assert.Contains("is not a person, channel or user group", nonsense, StringComparison.Ordinal);
        Assert.Contains("<!subteam^S0SRE>", Escalations(room)[1].Text, StringComparison.Ordinal);
        Assert.Contains($"<@{BotHost.Reporter}>", Escalations(room)[1].Text, StringComparison.Ordinal);
        Assert.Single(slack.DirectMessages("U0CTO"));
        Assert.Contains(bot.Store.AuditLog(new IncidentId(1)), a => a.User.Value == "U0BYSTANDER" && a.Outcome.StartsWith("refused", StringComparison.Ordinal));
    }

    private BotHost Start(string? path = null) => BotHost.Start(slack, path, Settings(), clock: clock);

    private Dictionary<string, string?> Settings() => new()
    {
        ["Incidents:AutoEscalation"] = "true",
        // The matrix at its own times: no response target calls a step in early here (AcknowledgementTests has that).
        ["Incidents:ResponseTargets:Targets:SEV-1"] = "Off",
        ["Incidents:Escalation:SEV-1:0:After"] = "00:00:00",
        ["Incidents:Escalation:SEV-1:0:Notify:0"] = "@oncall",
        ["Incidents:Escalation:SEV-1:0:Notify:1"] = "U0LEAD",
        ["Incidents:Escalation:SEV-1:1:After"] = "00:15:00",
        ["Incidents:Escalation:SEV-1:1:Notify:0"] = "U0VPENG",
        ["Incidents:Escalation:SEV-1:2:After"] = "00:30:00",
        ["Incidents:Escalation:SEV-1:2:Notify:0"] = leadership,
        ["Incidents:Escalation:SEV-1:3:After"] = "01:00:00",
        ["Incidents:Escalation:SEV-1:3:Notify:0"] = "U0CEO",
        ["Incidents:Escalation:SEV-3:0:After"] = "00:00:00",
        ["Incidents:Escalation:SEV-3:0:Notify:0"] = "@oncall",
        ["Incidents:Escalation:SEV-3:1:After"] = "00:15:00",
        ["Incidents:Escalation:SEV-3:1:Notify:0"] = "U0LEAD",
    };

    [Fact]
    public async Task A_drill_calls_nobody_in_by_itself()
    {
        await bot.ReplyAsync("drill Database failover sev1");
        await bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("drill-inc-", StringComparison.Ordinal)).Id;

        clock.AdvanceHours(2);
        Assert.Equal(0, await SendDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Empty(Escalations(room));
        Assert.Empty(slack.DirectMessages("U0LEAD"));
        Assert.Empty(slack.Messages(leadership));
    }

    private async Task<string> DeclareSev1Async()
    {
        await bot.ReplyAsync("create Checkout down sev1");
        await bot.OutboxDrainedAsync();
        return slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private Task<int> SendDueAsync() => bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();

    /// <summary>Lets the scheduler (or this test) fire what is due, then waits until the war room shows <paramref name="count"/> escalations and the outbox is empty.</summary>
    private async Task EscalatedAsync(string room, int count)
    {
        await SendDueAsync();
        await Eventually.TrueAsync(() => Escalations(room).Count >= count, $"{count} escalations in the war room");
        await bot.OutboxDrainedAsync();
        Assert.True(count == Escalations(room).Count, string.Join("\n----\n", Escalations(room).Select(m => m.Text)));
    }

    private List<FakeMessage> Escalations(string room) =>
        slack.Messages(room).Where(m => m.Text.StartsWith("🚨 *Escalated*", StringComparison.Ordinal)).ToList();
}
