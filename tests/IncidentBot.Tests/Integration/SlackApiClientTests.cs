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
    public async Task Ratelimited_in_a_200_waits_out_Retry_After_and_succeeds_within_the_call()
    {
        var channel = await Api.CreateConversationAsync("inc-ratelimited", isPrivate: false, CancellationToken.None);
        Slack.ErrorNext("chat.postMessage", "ratelimited", retryAfter: TimeSpan.FromSeconds(3));

        var posting = Api.PostMessageAsync(new SlackMessage(channel.Id, "hello"), CancellationToken.None);
        await Slack.WaitForCallAsync("chat.postMessage");
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Single(Slack.Calls("chat.postMessage"));

        var posted = await DriveAsync(posting);

        var attempts = Slack.Calls("chat.postMessage");
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(3), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal(posted.Ts, Assert.Single(Slack.Messages(channel.Id.Value)).Ts);
    }

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("internal_error")]
    [InlineData("service_unavailable")]
    [InlineData("request_timeout")]
    public async Task Slacks_own_trouble_in_a_200_is_retried_within_the_call_like_a_5xx(string error)
    {
        var channel = await Api.CreateConversationAsync("inc-trouble", isPrivate: false, CancellationToken.None);
        Slack.ErrorNext("conversations.setTopic", error, count: 2);

        await DriveAsync(Api.SetTopicAsync(channel.Id, "INC-1 · SEV-1", CancellationToken.None));

        Assert.Equal(3, Slack.Calls("conversations.setTopic").Count);
        Assert.Equal("INC-1 · SEV-1", Slack.Channel(channel.Id.Value).Topic);
    }

    [Theory]
    [InlineData("ratelimited", 2)]
    [InlineData("service_unavailable", 2)]
    [InlineData("request_timeout", 2)]
    [InlineData("internal_error", 1)]
    public async Task A_post_is_repeated_only_after_errors_that_say_Slack_did_nothing(string error, int calls)
    {
        // internal_error may come after part of the work was done: the outbox, which looks for its own post first, decides.
        var channel = await Api.CreateConversationAsync("inc-once", isPrivate: false, CancellationToken.None);
        Slack.ErrorNext("chat.postMessage", error);

        var posting = Api.PostMessageAsync(new SlackMessage(channel.Id, "hello"), CancellationToken.None);
        await time.AdvanceUntilAsync(() => posting.IsCompleted, "the post and its retries", TimeSpan.FromMilliseconds(100));

        Assert.Equal(calls, Slack.Calls("chat.postMessage").Count);
        if (calls == 1)
        {
            var ex = await Assert.ThrowsAsync<SlackApiException>(() => posting);
            Assert.True(ex.IsTransient);
            Assert.Equal("internal_error", ex.Error);
        }
        else
        {
            await posting;
        }
    }

    [Fact]
    public async Task Persistent_trouble_in_a_200_ends_as_a_transient_error_after_the_configured_retries()
    {
        Slack.ErrorNext("pins.add", "service_unavailable", count: 100);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => DriveAsync(Api.AddPinAsync(new SlackChannelId("C1"), "1.2", CancellationToken.None)));

        Assert.True(ex.IsTransient);
        Assert.Equal("service_unavailable", ex.Error);
        Assert.Equal(1 + new SlackOptions().MaxRetries, Slack.Calls("pins.add").Count);
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
