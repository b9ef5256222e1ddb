using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Emulator;
using IncidentBot.Sandbox;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Tests.Sandbox;

/// <summary>The sandbox's Web API answers the bot's calls as Slack's own samples show: ids, <c>ok</c>, error codes.</summary>
public sealed partial class SandboxWorkspaceTests : IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());
    private readonly SlackEventBacklog events = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 3, 12, 0, TimeSpan.Zero));
    private readonly EmulatedWorkspace workspace;

    public SandboxWorkspaceTests()
    {
        workspace = SandboxWorkspace.Create(database, new SandboxSession(new Uri("http://127.0.0.1:5000/"), "xoxb-test", "secret"), time, events, new SandboxChanges());
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public void Conversations_create_gives_a_C_id_and_a_taken_or_bad_name_gets_Slacks_error()
    {
        var created = Call("conversations.create", new() { ["name"] = "inc-2026-11-24-checkout", ["is_private"] = false });

        Assert.True((bool)created["ok"]!);
        Assert.Matches(ChannelId(), (string)created["channel"]!["id"]!);
        Assert.Equal("U0INCIDBOT", (string)created["channel"]!["creator"]!);
        Assert.Equal("name_taken", Error("conversations.create", new() { ["name"] = "inc-2026-11-24-checkout" }));
        Assert.Equal("invalid_name_specials", Error("conversations.create", new() { ["name"] = "Checkout Down" }));
    }

    [Fact]
    public void Users_info_gives_each_person_their_own_time_zone_and_an_unknown_id_user_not_found()
    {
        var sam = Call("users.info", new() { ["user"] = "U0SAMRIVE1" })["user"]!;

        Assert.Equal(("sam", "America/New_York", -18_000), ((string)sam["name"]!, (string)sam["tz"]!, (int)sam["tz_offset"]!));
        Assert.Equal("Asia/Kolkata", (string)Call("users.info", new() { ["user"] = "U0PRIYAN01" })["user"]!["tz"]!);
        Assert.Equal("user_not_found", Error("users.info", new() { ["user"] = "U0NOBODY01" }));
    }

    [Fact]
    public void A_posted_message_has_a_Slack_ts_and_reads_back_from_history()
    {
        var posted = Call("chat.postMessage", new() { ["channel"] = SandboxDirectory.GeneralChannelId, ["text"] = "Checkout &lt;down&gt;" });

        var ts = (string)posted["ts"]!;
        Assert.Matches(MessageTs(), ts);
        var history = Call("conversations.history", new() { ["channel"] = SandboxDirectory.GeneralChannelId, ["latest"] = ts, ["oldest"] = ts, ["inclusive"] = "true" });
        var message = Assert.Single(history["messages"]!.AsArray());
        Assert.Equal("Checkout &lt;down&gt;", (string)message!["text"]!);
        Assert.Equal(SandboxDirectory.BotId, (string)message["bot_id"]!);
    }

    [Fact]
    public void Pinning_or_reacting_twice_answers_already_pinned_and_already_reacted()
    {
        var ts = (string)Call("chat.postMessage", new() { ["channel"] = SandboxDirectory.GeneralChannelId, ["text"] = "Declared" })["ts"]!;
        var item = new JsonObject { ["channel"] = SandboxDirectory.GeneralChannelId, ["timestamp"] = ts };

        Assert.True((bool)Call("pins.add", (JsonObject)item.DeepClone())["ok"]!);
        Assert.Equal("already_pinned", Error("pins.add", (JsonObject)item.DeepClone()));
        item["name"] = "memo";
        Assert.True((bool)Call("reactions.add", (JsonObject)item.DeepClone())["ok"]!);
        Assert.Equal("already_reacted", Error("reactions.add", (JsonObject)item.DeepClone()));
        item["name"] = ":memo:";
        Assert.Equal("invalid_name", Error("reactions.add", item));
    }

    [Fact]
    public void A_channel_the_bot_was_never_added_to_answers_not_in_channel_and_an_unknown_one_channel_not_found()
    {
        Assert.Equal("not_in_channel", Error("chat.postMessage", new() { ["channel"] = SandboxDirectory.RandomChannelId, ["text"] = "hi" }));
        Assert.Equal("channel_not_found", Error("chat.postMessage", new() { ["channel"] = "C0NOSUCH00", ["text"] = "hi" }));
        Assert.Equal("unknown_method", Error("chat.scheduleMessage", []));
    }

    [Fact]
    public void An_archived_war_room_refuses_posts_but_keeps_its_name_taken()
    {
        var id = (string)Call("conversations.create", new() { ["name"] = "inc-old" })["channel"]!["id"]!;
        Assert.True((bool)Call("conversations.archive", new() { ["channel"] = id })["ok"]!);

        Assert.Equal("is_archived", Error("chat.postMessage", new() { ["channel"] = id, ["text"] = "late" }));
        Assert.Equal("name_taken", Error("conversations.create", new() { ["name"] = "inc-old" }));
    }

    [Fact]
    public void Inviting_someone_already_there_fails_the_call_and_says_who()
    {
        var id = (string)Call("conversations.create", new() { ["name"] = "inc-invite" })["channel"]!["id"]!;
        var alex = SandboxDirectory.People[0].Id;
        Assert.True((bool)Call("conversations.invite", new() { ["channel"] = id, ["users"] = alex })["ok"]!);

        var again = workspace.Invoke("conversations.invite", new() { ["channel"] = id, ["users"] = alex });
        Assert.Equal("already_in_channel", (string)again["error"]!);
        Assert.Equal(alex, (string)again["errors"]![0]!["user"]!);
    }

    [Fact]
    public void A_direct_message_opens_one_conversation_per_person_and_takes_posts()
    {
        var alex = SandboxDirectory.People[0];

        var first = (string)Call("conversations.open", new() { ["users"] = alex.Id })["channel"]!["id"]!;
        var again = (string)Call("conversations.open", new() { ["users"] = alex.Id })["channel"]!["id"]!;

        Assert.StartsWith("D", first, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.True((bool)Call("chat.postMessage", new() { ["channel"] = first, ["text"] = "You are called in" })["ok"]!);
        Assert.Equal("user_not_found", Error("conversations.open", new() { ["users"] = "U0NOBODY99" }));
    }

    [Fact]
    public void A_trigger_id_opens_one_modal_for_the_person_who_clicked()
    {
        var alex = SandboxDirectory.People[0];
        var trigger = workspace.NewTrigger(alex.Id);
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "incident_create", ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Declare" } };

        var opened = Call("views.open", new() { ["trigger_id"] = trigger, ["view"] = view.ToJsonString() });
        Assert.Equal("exchanged_trigger_id", Error("views.open", new() { ["trigger_id"] = trigger, ["view"] = view.ToJsonString() }));
        Assert.Equal("invalid_trigger_id", Error("views.open", new() { ["trigger_id"] = "1.2.made-up", ["view"] = view.ToJsonString() }));
        var id = (string)opened["view"]!["id"]!;
        Assert.NotNull(workspace.OpenViewOf(id, alex.Id));
        Assert.Null(workspace.OpenViewOf(id, SandboxDirectory.People[1].Id));
    }

    [Fact]
    public void A_trigger_id_expires_three_seconds_after_the_click()
    {
        var view = new JsonObject { ["type"] = "modal", ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Declare" } }.ToJsonString();
        var fresh = workspace.NewTrigger(SandboxDirectory.People[0].Id);
        var late = workspace.NewTrigger(SandboxDirectory.People[0].Id);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True((bool)Call("views.open", new() { ["trigger_id"] = fresh, ["view"] = view })["ok"]!);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("expired_trigger_id", Error("views.open", new() { ["trigger_id"] = late, ["view"] = view }));
    }

    [Fact]
    public void A_persons_memo_reaction_is_told_to_the_bot_as_reaction_added_with_the_author()
    {
        var sam = SandboxDirectory.People[1];
        workspace.PostAs(sam, SandboxDirectory.GeneralChannelId, "Rolled back", threadTs: null);
        var ts = (string)Call("conversations.history", new() { ["channel"] = SandboxDirectory.GeneralChannelId })["messages"]![0]!["ts"]!;

        workspace.ToggleReaction(SandboxDirectory.People[0], SandboxDirectory.GeneralChannelId, ts, "memo");

        var told = Drain();
        Assert.Equal(["message", "reaction_added"], told.Select(e => (string)e["type"]!));
        Assert.Equal(sam.Id, (string)told[1]["item_user"]!);
        Assert.Equal(ts, (string)told[1]["item"]!["ts"]!);
    }

    private List<JsonObject> Drain() => events.Drain();

    private JsonObject Call(string method, JsonObject args)
    {
        var answer = workspace.Invoke(method, args);
        Assert.True((bool)answer["ok"]!, $"{method} answered {answer.ToJsonString()}");
        return answer;
    }

    private string Error(string method, JsonObject args)
    {
        var answer = workspace.Invoke(method, args);
        Assert.False((bool)answer["ok"]!);
        return (string)answer["error"]!;
    }

    [GeneratedRegex(@"^C[A-Z0-9]{8,}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex(@"^\d{10}\.\d{6}$")]
    private static partial Regex MessageTs();
}
