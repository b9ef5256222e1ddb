using IncidentBot.Slack.Outbound;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A war room whose deliveries fell behind a run of changes: every change is still said in the room, once and in order,
/// while the topic and the pinned declaration are brought up to date once, for the incident as it is by then.
/// </summary>
public sealed class LaneCatchUpTests : IAsyncLifetime
{
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;
    private BotHost? bot;

    private BotHost Bot => bot ??= BotHost.Start(slack, time: time);

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync(time);

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_lane_behind_three_severity_changes_posts_all_three_and_sets_the_topic_and_declaration_once()
    {
        var token = Bot.Services.GetRequiredService<SlackTokenState>();
        await Bot.ReplyAsync("create Checkout down sev4");
        await Bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await Eventually.TrueAsync(() => slack.Calls("auth.test").Count > 0 && !token.IsPaused, "the start's auth.test to succeed");
        var topicsBefore = slack.Calls("conversations.setTopic").Count;
        var roomEditsBefore = RoomEdits(room);

        slack.RefuseToken("token_revoked");
        await Bot.ReplyAsync("severity sev3", channel: room);
        await Eventually.TrueAsync(() => token.IsPaused, "delivery to pause");
        await Bot.ReplyAsync("severity sev2", channel: room);
        await Bot.ReplyAsync("severity sev1", channel: room);
        slack.AcceptToken();
        await time.AdvanceUntilAsync(() => !token.IsPaused, "auth.test to succeed again", TimeSpan.FromSeconds(5));
        await Bot.OutboxDrainedAsync();

        Assert.Collection(
            slack.Messages(room).Where(m => m.Text.Contains("Severity raised", StringComparison.Ordinal)).Select(m => m.Text),
            first => Assert.Contains("SEV-4 → *SEV-3*", first, StringComparison.Ordinal),
            second => Assert.Contains("SEV-3 → *SEV-2*", second, StringComparison.Ordinal),
            third => Assert.Contains("SEV-2 → *SEV-1*", third, StringComparison.Ordinal));
        var topics = slack.Calls("conversations.setTopic").Skip(topicsBefore).ToList();
        Assert.Single(topics);
        Assert.Contains("SEV-1", (string?)topics[0].Args["topic"], StringComparison.Ordinal);
        Assert.Contains("SEV-1", slack.Channels.Single(c => c.Id == room).Topic, StringComparison.Ordinal);
        Assert.Equal(roomEditsBefore + 1, RoomEdits(room));
        Assert.Empty(Bot.Store.TroubledOutbox(10));
    }

    private int RoomEdits(string room) => slack.Calls("chat.update").Count(c => (string?)c.Args["channel"] == room);
}
