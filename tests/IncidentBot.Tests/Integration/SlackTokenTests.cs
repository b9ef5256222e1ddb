using System.Text.Json.Nodes;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A bot token Slack stops accepting: delivery pauses for every incident without failing or burning an attempt of any
/// message, <c>/health</c> says why, the log says it once, and it all resumes by itself when auth.test succeeds again.
/// </summary>
public sealed class SlackTokenTests : IAsyncLifetime
{
    private readonly TestTime time = new();
    private readonly CapturedLog log = new();
    private FakeSlackApi slack = null!;
    private BotHost? bot;

    private BotHost Bot => bot ??= BotHost.Start(slack, services: s => s.AddSingleton<ILoggerProvider>(log), time: time);

    private SlackTokenState Token => Bot.Services.GetRequiredService<SlackTokenState>();

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
    public async Task A_revoked_token_pauses_every_lane_turns_health_degraded_and_resumes_with_nothing_lost()
    {
        await Bot.ReplyAsync("create Checkout down");
        await Bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await Eventually.TrueAsync(() => slack.Calls("auth.test").Count > 0 && !Token.IsPaused, "the start's auth.test to succeed");

        slack.RefuseToken("token_revoked");
        await Bot.ReplyAsync("update Rolled back the deploy", channel: room);
        await Eventually.TrueAsync(() => Token.IsPaused, "delivery to pause");
        await Bot.ReplyAsync("create Search is slow");
        time.Advance(TimeSpan.FromSeconds(30));

        var health = await HealthAsync();
        Assert.Equal("degraded", (string?)health["status"]);
        Assert.Equal("paused", (string?)health["slack"]);
        Assert.Equal("token_revoked", (string?)health["slack_problem"]);
        var pending = Bot.Store.PendingOutbox();
        Assert.Contains(pending, m => m.IncidentId.Value == 2);
        Assert.Contains(pending, m => m.IncidentId.Value == 1);
        Assert.All(pending, m => Assert.Equal(m.Attempts, m.UncountedAttempts));
        Assert.DoesNotContain(Bot.Store.TroubledOutbox(10), m => m.State != OutboxState.Pending);
        await Eventually.TrueAsync(() => log.Lines(LogLevel.Error).Any(l => l.Contains("token_revoked", StringComparison.Ordinal)), "the log line naming the problem");
        Assert.Single(log.Lines(LogLevel.Error), l => l.Contains("token_revoked", StringComparison.Ordinal));
        Assert.DoesNotContain(slack.Messages(room), m => m.Text.Contains("Rolled back", StringComparison.Ordinal));

        slack.AcceptToken();
        await time.AdvanceUntilAsync(() => !Token.IsPaused, "auth.test to succeed again", TimeSpan.FromSeconds(5));
        await Bot.OutboxDrainedAsync();

        Assert.Single(slack.Messages(room), m => m.Text.Contains("Rolled back the deploy", StringComparison.Ordinal));
        Assert.Equal(2, slack.Channels.Count(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)));
        Assert.Equal("ok", (string?)(await HealthAsync())["slack"]);
        Assert.Empty(Bot.Store.TroubledOutbox(10));
    }

    [Fact]
    public async Task A_missing_scope_names_the_scope_slack_says_is_needed()
    {
        Assert.NotNull(Bot);
        await Eventually.TrueAsync(() => slack.Calls("auth.test").Count > 0 && !Token.IsPaused, "the start's auth.test to succeed");
        slack.RefuseToken("missing_scope", needed: "bookmarks:write");

        await Bot.ReplyAsync("create Checkout down");
        await Eventually.TrueAsync(() => Token.IsPaused, "delivery to pause");

        Assert.Equal("missing_scope (needs bookmarks:write)", (string?)(await HealthAsync())["slack_problem"]);
        await Eventually.TrueAsync(() => log.Lines(LogLevel.Error).Any(l => l.Contains("bookmarks:write", StringComparison.Ordinal)), "the log line naming the scope");
        Assert.Single(log.Lines(LogLevel.Error), l => l.Contains("bookmarks:write", StringComparison.Ordinal));
        Assert.Single(Bot.Store.PendingOutbox(), m => m.Kind == WarRooms.CreateWarRoom.Kind);
    }

    /// <summary>While delivery waited, every change is said once and in order; the topic and the declaration go once, for the latest state.</summary>
    [Fact]
    public async Task A_lane_behind_three_severity_changes_posts_all_three_and_sets_the_topic_and_declaration_once()
    {
        await Bot.ReplyAsync("create Checkout down sev4");
        await Bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await Eventually.TrueAsync(() => slack.Calls("auth.test").Count > 0 && !Token.IsPaused, "the start's auth.test to succeed");
        var topicsBefore = slack.Calls("conversations.setTopic").Count;
        var roomEditsBefore = RoomEdits(room);

        slack.RefuseToken("token_revoked");
        await Bot.ReplyAsync("severity sev3", channel: room);
        await Eventually.TrueAsync(() => Token.IsPaused, "delivery to pause");
        await Bot.ReplyAsync("severity sev2", channel: room);
        await Bot.ReplyAsync("severity sev1", channel: room);
        slack.AcceptToken();
        await time.AdvanceUntilAsync(() => !Token.IsPaused, "auth.test to succeed again", TimeSpan.FromSeconds(5));
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

    private async Task<JsonNode> HealthAsync() =>
        JsonNode.Parse(await Bot.Unsigned.GetStringAsync(new Uri("/health", UriKind.Relative)))!;

    private int RoomEdits(string room) => slack.Calls("chat.update").Count(c => (string?)c.Args["channel"] == room);
}
