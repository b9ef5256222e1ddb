using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The bot sleeps on a <see cref="TestTime"/> here, so the test moves time instead of waiting: the reminder must
/// go out when the clock reaches its due time, not at the scheduler's next idle look (once a minute).
/// </summary>
public sealed class ReminderTimingTests : IAsyncLifetime
{
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();

        // An update every 40 s: due well before the scheduler's idle look a minute after the declaration.
        bot = BotHost.Start(
            slack,
            settings: new Dictionary<string, string?>
            {
                ["Incidents:Severities:0:Name"] = "SEV-1",
                ["Incidents:Severities:0:UpdateInterval"] = "00:00:40",
                ["Incidents:Severities:1:Name"] = "SEV-2",
                ["Incidents:Severities:1:UpdateInterval"] = "00:30:00",
                ["Incidents:Severities:2:Name"] = "SEV-3",
                ["Incidents:Severities:2:UpdateInterval"] = "01:00:00",
                ["Incidents:DefaultSeverity"] = "SEV-1",
            },
            time: time);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task On_an_idle_database_the_first_reminder_comes_when_the_clock_reaches_its_due_time()
    {
        // Slack answers a little late, so the war room exists only after the scheduler looked at the new incident.
        slack.DelayNext("conversations.create", TimeSpan.FromMilliseconds(50));
        await bot.ReplyAsync("create Checkout down");
        await bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;

        time.Advance(TimeSpan.FromSeconds(40));

        await Eventually.TrueAsync(() => slack.Messages(room).Any(m => m.Text.StartsWith('⏰')), "the reminder at its due time", TimeSpan.FromSeconds(5));
    }
}
