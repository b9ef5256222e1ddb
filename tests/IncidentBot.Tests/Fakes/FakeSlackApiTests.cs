using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

public sealed class FakeSlackApiTests
{
    [Fact]
    public async Task Create_with_a_name_already_taken_answers_name_taken()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var http = Client(slack);
        slack.AddChannel("inc-41-old-outage");

        var created = await PostJsonAsync(http, "conversations.create", new JsonObject { ["name"] = "inc-42-db-down", ["is_private"] = false });
        var again = await PostJsonAsync(http, "conversations.create", new JsonObject { ["name"] = "inc-42-db-down" });
        var seeded = await PostJsonAsync(http, "conversations.create", new JsonObject { ["name"] = "inc-41-old-outage" });
        var shouting = await PostJsonAsync(http, "conversations.create", new JsonObject { ["name"] = "INC-43" });

        Assert.True(created["ok"]!.GetValue<bool>());
        Assert.Equal(FakeSlackApi.BotUserId, created["channel"]!["creator"]!.GetValue<string>());
        Assert.Equal("name_taken", Error(again));
        Assert.Equal("name_taken", Error(seeded));
        Assert.Equal("invalid_name_specials", Error(shouting));
        var channel = slack.Channel("inc-42-db-down");
        Assert.Equal(created["channel"]!["id"]!.GetValue<string>(), channel.Id);
        Assert.Contains(FakeSlackApi.BotUserId, channel.Members);
        Assert.Equal(2, slack.Channels.Count);
        Assert.Equal(4, slack.Calls("conversations.create").Count);
    }

    [Fact]
    public async Task Injected_429_carries_Retry_After_and_the_next_call_succeeds()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var http = Client(slack);
        slack.FailNext("auth.test", 429, retryAfter: TimeSpan.FromSeconds(2));

        using var limited = await PostFormAsync(http, "auth.test", []);
        var identity = await ReadJsonAsync(await PostFormAsync(http, "auth.test", []));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("ratelimited", Error(await ReadJsonAsync(limited)));
        Assert.Equal(FakeSlackApi.BotUserId, identity["user_id"]!.GetValue<string>());
        Assert.Collection(
            slack.Calls("auth.test"),
            first => Assert.Equal(429, first.Injected?.StatusCode),
            second => Assert.Null(second.Injected));
    }

    [Fact]
    public async Task History_returns_top_level_messages_newest_first_with_their_metadata()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var http = Client(slack);
        var channel = await CreateChannelAsync(http, "inc-7-latency");
        var metadata = new JsonObject { ["event_type"] = "incident_declared", ["event_payload"] = new JsonObject { ["incident_id"] = 7 } };
        var declared = await PostJsonAsync(http, "chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "Incident 7 declared", ["metadata"] = metadata });
        var parentTs = declared["ts"]!.GetValue<string>();
        await PostJsonAsync(http, "chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "in the thread", ["thread_ts"] = parentTs });
        slack.AddMessage(channel, "U0ALICE01", "looking into it");

        var history = await ReadJsonAsync(await PostFormAsync(http, "conversations.history", new() { ["channel"] = channel, ["include_all_metadata"] = "true" }));

        var messages = history["messages"]!.AsArray();
        Assert.Equal(["looking into it", "Incident 7 declared"], messages.Select(m => m!["text"]!.GetValue<string>()));
        Assert.Null(messages[0]!["metadata"]);
        Assert.True(JsonNode.DeepEquals(metadata, messages[1]!["metadata"]));
        Assert.Equal(1, messages[1]!["reply_count"]!.GetValue<int>());
        Assert.Equal(3, slack.Messages(channel).Count);
    }

    [Fact]
    public async Task Missing_or_non_bot_token_is_refused()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var anonymous = Client(slack, token: null);
        using var userToken = Client(slack, token: "xoxp-123");

        Assert.Equal("not_authed", Error(await ReadJsonAsync(await PostFormAsync(anonymous, "auth.test", []))));
        Assert.Equal("invalid_auth", Error(await ReadJsonAsync(await PostFormAsync(userToken, "auth.test", []))));
    }

    [Fact]
    public async Task Delay_applied_before_delay_posts_even_when_the_caller_gives_up()
    {
        // On a clock that stands still the delay never ends by itself: only the caller's giving up ends the call.
        await using var slack = await FakeSlackApi.StartAsync(new Integration.TestTime());
        using var http = Client(slack);
        var channel = await CreateChannelAsync(http, "inc-8-slow");
        slack.DelayNext("chat.postMessage", TimeSpan.FromMinutes(5), applyBeforeDelay: true);
        using var giveUp = new CancellationTokenSource();

        var post = PostJsonAsync(http, "chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "declared" }, giveUp.Token);
        var call = await slack.WaitForCallAsync("chat.postMessage");
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        Assert.True(call.Injected?.ApplyBeforeDelay);
        Assert.Equal("declared", Assert.Single(slack.Messages(channel)).Text);
    }

    [Fact]
    public async Task WaitForCallAsync_times_out_naming_the_calls_it_saw()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var http = Client(slack);
        using var answer = await PostFormAsync(http, "auth.test", []);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => slack.WaitForCallAsync("chat.postMessage", timeout: TimeSpan.FromMilliseconds(50)));

        Assert.Contains("auth.test", timeout.Message, StringComparison.Ordinal);
    }

    private static HttpClient Client(FakeSlackApi slack, string? token = "xoxb-test")
    {
        var http = new HttpClient { BaseAddress = slack.BaseUrl };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    [Fact]
    public async Task The_fake_answers_with_the_sandboxs_workspace_pins_reactions_and_used_triggers_as_Slack_shows_them()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var http = Client(slack);
        var channel = await CreateChannelAsync(http, "inc-8-pins");
        var ts = (await PostJsonAsync(http, "chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "Declared" }))["ts"]!.GetValue<string>();
        await PostJsonAsync(http, "pins.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts });
        await PostJsonAsync(http, "reactions.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts, ["name"] = "eyes" });
        var view = new JsonObject { ["type"] = "modal", ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Declare" } };
        var opened = await PostJsonAsync(http, "views.open", new JsonObject { ["trigger_id"] = "1.2.test", ["view"] = view.DeepClone() });
        var reopened = await PostJsonAsync(http, "views.open", new JsonObject { ["trigger_id"] = "1.2.test", ["view"] = view.DeepClone() });

        var history = await ReadJsonAsync(await PostFormAsync(http, "conversations.history", new() { ["channel"] = channel }));
        var message = history["messages"]![0]!;
        Assert.Equal(channel, message["pinned_to"]![0]!.GetValue<string>());
        Assert.Equal("eyes", message["reactions"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("already_pinned", Error(await PostJsonAsync(http, "pins.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts })));
        Assert.Equal([ts], slack.Pins(channel));
        Assert.Equal(new FakeReaction(channel, ts, "eyes", FakeSlackApi.BotUserId), Assert.Single(slack.Reactions(channel)));
        Assert.Null(Error(opened));
        Assert.Equal("exchanged_trigger_id", Error(reopened));
    }

    private static async Task<string> CreateChannelAsync(HttpClient http, string name) =>
        (await PostJsonAsync(http, "conversations.create", new JsonObject { ["name"] = name }))["channel"]!["id"]!.GetValue<string>();

    private static async Task<JsonObject> PostJsonAsync(HttpClient http, string method, JsonObject body, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await ReadJsonAsync(await http.PostAsync(method, content, cancellationToken));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string method, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(method, content);
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
    }

    private static string? Error(JsonObject answer) => answer["ok"]!.GetValue<bool>() ? null : answer["error"]!.GetValue<string>();
}
