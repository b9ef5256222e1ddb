using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>The typed Web API client as the bot builds it (options, Polly pipeline, HttpClient), against the fake Slack.</summary>
public sealed class SlackApiClientTests : BotTest
{
    private readonly TestTime time = new();

    private protected override TestTime Time => time;

    private ISlackApi Api => Bot.Services.GetRequiredService<ISlackApi>();

    [Fact]
    public async Task A_429_with_Retry_After_1_is_retried_once_after_at_least_a_second_and_succeeds()
    {
        Slack.FailNext("chat.postMessage", 429, retryAfter: TimeSpan.FromSeconds(1));
        var channel = await Api.CreateConversationAsync("inc-retry-after", isPrivate: false, CancellationToken.None);

        var posting = Api.PostMessageAsync(new SlackMessage(channel.Id, "hello"), CancellationToken.None);
        await Slack.WaitForCallAsync("chat.postMessage");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(Slack.Calls("chat.postMessage"));

        await time.AdvanceUntilAsync(() => posting.IsCompleted, "the retry after Retry-After", TimeSpan.FromMilliseconds(50));
        var posted = await posting;

        var attempts = Slack.Calls("chat.postMessage");
        Assert.Equal(2, attempts.Count);
        Assert.NotNull(attempts[0].Injected);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal(posted.Ts, Assert.Single(Slack.Messages(channel.Id.Value)).Ts);
    }

    [Fact]
    public async Task Name_taken_surfaces_as_its_typed_error_without_a_retry()
    {
        await Api.CreateConversationAsync("inc-taken", isPrivate: false, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Api.CreateConversationAsync("inc-taken", isPrivate: false, CancellationToken.None));

        Assert.Equal("name_taken", ex.Error);
        Assert.Equal("conversations.create", ex.Method);
        Assert.False(ex.IsTransient);
        Assert.Equal(2, Slack.Calls("conversations.create").Count);
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_succeeds()
    {
        Slack.FailNext("conversations.create", 500, count: 2);

        var channel = await DriveAsync(Api.CreateConversationAsync("inc-flaky", isPrivate: true, CancellationToken.None));

        Assert.Equal(3, Slack.Calls("conversations.create").Count);
        Assert.True(Slack.Channel(channel.Id.Value).IsPrivate);
    }

    [Fact]
    public async Task Persistent_5xx_ends_as_a_transient_error_after_the_configured_retries()
    {
        Slack.FailNext("pins.add", 503, count: 100);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => DriveAsync(Api.AddPinAsync(new SlackChannelId("C1"), "1.2", CancellationToken.None)));

        Assert.True(ex.IsTransient);
        Assert.Equal("http_503", ex.Error);
        Assert.Equal(1 + new SlackOptions().MaxRetries, Slack.Calls("pins.add").Count);
    }

    [Fact]
    public async Task Every_call_carries_the_bot_token_as_a_bearer()
    {
        var identity = await Api.AuthTestAsync(CancellationToken.None);
        Assert.Equal(FakeSlackApi.BotUserId, identity.UserId.Value);
    }

    /// <summary>Moves time past each back-off until <paramref name="call"/> has ended.</summary>
    private async Task<T> DriveAsync<T>(Task<T> call)
    {
        await time.AdvanceUntilAsync(() => call.IsCompleted, "the call and its retries", TimeSpan.FromMilliseconds(50));
        return await call;
    }

    private async Task DriveAsync(Task call)
    {
        await time.AdvanceUntilAsync(() => call.IsCompleted, "the call and its retries", TimeSpan.FromMilliseconds(50));
        await call;
    }
}
