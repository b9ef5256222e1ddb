using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot stopped in the middle of a declaration and started again on the same LiteDB file.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    /// <summary>The fake Slack's time: a delayed answer never comes while the bot waits for it, and a 429's wait is moved, not slept.</summary>
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync(time);

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task Killed_after_slack_created_the_channel_but_before_the_post_a_restart_makes_one_war_room_and_one_declaration()
    {
        // Slack creates the channel, but the answer never reaches the bot: it is stopped while waiting.
        slack.DelayNext("conversations.create", TimeSpan.FromSeconds(30), applyBeforeDelay: true);
        var first = BotHost.Start(slack);
        await first.ReplyAsync("create Payments down sev1");
        await slack.WaitForCallAsync("conversations.create");
        await first.DisposeAsync();
        Assert.Single(WarRooms());
        Assert.Empty(slack.Calls("chat.postMessage"));

        await using var second = BotHost.Start(slack, first.DatabasePath);
        await second.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        var room = Assert.Single(WarRooms());
        var declaration = Assert.Single(slack.Messages(room.Id));
        Assert.Contains("Payments down", declaration.Text, StringComparison.Ordinal);
        Assert.Equal([declaration.Ts], slack.Pins(room.Id));
        Assert.Single(slack.Messages(second.AnnouncementChannel));
        Assert.Equal(room.Id, second.Store.Find(new IncidentBot.Incidents.IncidentId(1))!.WarRoom.ChannelId);
    }

    [Fact]
    public async Task Killed_after_slack_posted_the_declaration_but_before_the_bot_heard_a_restart_does_not_post_it_again()
    {
        slack.DelayNext("chat.postMessage", TimeSpan.FromSeconds(30), applyBeforeDelay: true);
        var first = BotHost.Start(slack);
        await first.ReplyAsync("create Payments down sev1");
        await slack.WaitForCallAsync("chat.postMessage");
        await first.DisposeAsync();

        await using var second = BotHost.Start(slack, first.DatabasePath);
        await second.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        var room = Assert.Single(WarRooms());
        var declaration = Assert.Single(slack.Messages(room.Id));
        Assert.Equal([declaration.Ts], slack.Pins(room.Id));
        Assert.Single(slack.Messages(second.AnnouncementChannel));
    }

    [Fact]
    public async Task With_the_first_post_rate_limited_for_2_s_it_arrives_once_2_s_later()
    {
        slack.FailNext("chat.postMessage", 429, retryAfter: TimeSpan.FromSeconds(2));
        await using var bot = BotHost.Start(slack, time: time);

        await bot.ReplyAsync("create Payments down sev1");
        await time.AdvanceUntilAsync(() => bot.Store.PendingOutbox().Count == 0, "the outbox to drain", TimeSpan.FromMilliseconds(100));

        // The declaration and the announcement go out side by side: whichever was first got the 429.
        var posts = slack.Calls("chat.postMessage");
        var limited = posts[0];
        Assert.NotNull(limited.Injected);
        var channel = (string)limited.Args["channel"]!;
        var delivered = posts.First(c => c.Injected is null && (string?)c.Args["channel"] == channel);
        Assert.True(delivered.At - limited.At >= TimeSpan.FromSeconds(2), $"delivered {(delivered.At - limited.At).TotalMilliseconds} ms after the 429");
        Assert.Single(slack.Messages(channel));
        var room = Assert.Single(WarRooms());
        Assert.Contains("Payments down", Assert.Single(slack.Messages(room.Id)).Text, StringComparison.Ordinal);
    }

    private List<FakeChannel> WarRooms() => slack.Channels.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).ToList();
}
