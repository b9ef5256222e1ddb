using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Announcements;

/// <summary>The bot stopped while Slack was posting to an announcement's thread, and started again on the same LiteDB file.</summary>
public sealed class AnnouncementDurabilityTests : IAsyncLifetime
{
    /// <summary>The fake Slack's time: a delayed answer never comes while the bot waits for it.</summary>
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync(time);

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task Killed_after_slack_posted_a_thread_line_but_before_the_bot_heard_a_restart_does_not_post_it_twice()
    {
        var first = BotHost.Start(slack);
        await first.ReplyAsync("create Payments down sev1");
        await first.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;

        // Slack posts the update (in the war room and in the thread), but neither answer reaches the bot: it is stopped while waiting.
        slack.DelayNext("chat.postMessage", TimeSpan.FromSeconds(30), count: 2, applyBeforeDelay: true);
        await first.ReplyAsync("update Rolled back 4.2", channel: room);
        await slack.WaitForCallAsync("chat.postMessage", c => c.Args["thread_ts"] is not null);
        await first.DisposeAsync();

        await using var second = BotHost.Start(slack, first.DatabasePath);
        await second.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        var messages = slack.Messages(second.AnnouncementChannel);
        var announcement = Assert.Single(messages, m => m.ThreadTs is null);
        var line = Assert.Single(messages, m => m.ThreadTs == announcement.Ts);
        Assert.Contains("Rolled back 4.2", line.Text, StringComparison.Ordinal);
        Assert.Single(slack.Messages(room), m => m.Text.Contains("Rolled back 4.2", StringComparison.Ordinal));
    }
}
