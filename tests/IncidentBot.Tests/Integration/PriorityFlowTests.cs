using IncidentBot.Escalation;
using IncidentBot.Reminders;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>A team that names its levels P0..P3 runs the whole incident through the real host on nothing but configuration.</summary>
public sealed class PriorityFlowTests : IAsyncLifetime
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        bot = BotHost.Start(slack, settings: Settings(), clock: clock);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_P0_to_P3_scheme_declares_reminds_escalates_by_rank_resolves_and_measures()
    {
        var declared = await bot.ReplyAsync("create Checkout down P1");
        await bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await EscalatedAsync(room, 1);

        Assert.Contains("INC-1", declared, StringComparison.Ordinal);
        Assert.Contains("P1", slack.Messages(room)[0].Text + string.Join(" ", (slack.Messages(room)[0].Blocks ?? []).Select(b => b!.ToJsonString())), StringComparison.Ordinal);
        // The second level gets the default matrix's second list: on-call at once, not the engineering lead too.
        Assert.Contains("@oncall", Escalations(room)[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("@engineering-lead", Escalations(room)[0].Text, StringComparison.Ordinal);

        var wrong = await bot.ReplyAsync("severity SEV-9", channel: room);
        Assert.Equal("`SEV-9` is not a severity. Use one of P0, P1, P2, P3: `/incident severity P1`.", wrong);
        Assert.Equal("INC-1 is now P0.", await bot.ReplyAsync("severity P0", channel: room));
        await EscalatedAsync(room, 2);
        Assert.Contains("@engineering-lead", Escalations(room)[1].Text, StringComparison.Ordinal);

        // P0's own cadence (10 min here), not SEV-1's 15.
        clock.AdvanceMinutes(9);
        Assert.Equal(0, await bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
        clock.AdvanceMinutes(1);
        Assert.Equal(1, await bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
        await Eventually.TrueAsync(() => slack.Messages(room).Any(m => m.Text.StartsWith('⏰')), "the P0 reminder");
        Assert.Contains("(P0, investigating)", slack.Messages(room).First(m => m.Text.StartsWith('⏰')).Text, StringComparison.Ordinal);

        clock.AdvanceMinutes(5);
        await EscalatedAsync(room, 3);
        Assert.Contains("@vp-engineering", Escalations(room)[2].Text, StringComparison.Ordinal);

        clock.AdvanceMinutes(5);
        var resolved = await bot.ReplyAsync("resolve rolled back", channel: room);
        clock.AdvanceHours(2);
        Assert.Equal(0, await SendDueAsync());
        await bot.OutboxDrainedAsync();
        var metrics = await bot.ReplyAsync("metrics 30d");

        Assert.Equal("INC-1 is resolved.", resolved);
        Assert.Equal(3, Escalations(room).Count);
        Assert.Contains("*P0* · 1 · detect 0m / 0m", metrics, StringComparison.Ordinal);
        Assert.Contains("resolve 20m / 20m", metrics, StringComparison.Ordinal);
        Assert.Contains("*P3* · 0", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("SEV-", metrics, StringComparison.Ordinal);
        Assert.Contains("*Post-mortems done:* 0% (0 of 1 required)", metrics, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            // This test follows the matrix's own timing; a missed response target would bring a step forward.
            ["Incidents:ResponseTargets:Targets:P0"] = "Off",
        };
        string[][] levels = [["P0", "00:10:00", "true"], ["P1", "00:20:00", "true"], ["P2", "01:00:00", "false"], ["P3", "1.00:00:00", "false"]];
        for (var i = 0; i < levels.Length; i++)
        {
            settings[$"Incidents:Severities:{i}:Name"] = levels[i][0];
            settings[$"Incidents:Severities:{i}:Description"] = "Level " + levels[i][0];
            settings[$"Incidents:Severities:{i}:UpdateInterval"] = levels[i][1];
            settings[$"Incidents:Severities:{i}:PostmortemRequired"] = levels[i][2];
        }

        return settings;
    }

    private Task<int> SendDueAsync() => bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();

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
