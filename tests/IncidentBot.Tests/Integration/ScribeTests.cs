using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;

namespace IncidentBot.Tests.Integration;

/// <summary>The scribe timeline end to end: Slack events in, the timeline out.</summary>
[Collection(nameof(RunsAlone))]
public sealed class ScribeTests : ScribeTest
{
    [Fact]
    public async Task A_reaction_on_a_war_room_message_puts_its_text_on_the_timeline_and_the_bot_confirms()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "DB primary CPU at 100% since 03:05");

        await ReactAsync(room, ts, added: true);
        await Bot.OutboxDrainedAsync();

        var timeline = await Bot.ReplyAsync("timeline", channel: room);
        Assert.Contains("*Note* DB primary CPU at 100% since 03:05 — <@U0ENGINEER>", timeline, StringComparison.Ordinal);
        Assert.Contains("|message>) · by <@U0SCRIBE>", timeline, StringComparison.Ordinal);
        Assert.Contains(Slack.Reactions(room), r => r.Ts == ts && r.Name == "memo");
        Assert.Contains("*Declared*", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_reaction_delivered_twice_by_slack_gives_one_entry()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Failover started");
        var reaction = ReactionEvent(room, ts, added: true);

        using (var first = await Bot.EventAsync("Ev0REACT", reaction))
        using (var retry = await Bot.EventAsync("Ev0REACT", reaction, retryNum: 1))
        using (var again = await Bot.EventAsync("Ev0REACT-2", reaction))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        Assert.Single(Notes());
    }

    [Fact]
    public async Task Removing_the_reaction_takes_the_entry_off_and_the_bots_reaction_too()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Failover started");
        await ReactAsync(room, ts, added: true);
        await Bot.OutboxDrainedAsync();

        await ReactAsync(room, ts, added: false);
        await Bot.OutboxDrainedAsync();

        Assert.Empty(Notes());
        Assert.DoesNotContain("Failover started", await Bot.ReplyAsync("timeline", channel: room), StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Reactions(room), r => r.Ts == ts);
    }

    [Fact]
    public async Task Editing_a_captured_message_updates_the_entry()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Rollback of 4.2.0 started");
        await ReactAsync(room, ts, added: true);

        await SendAsync(new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = "message_changed",
            ["channel"] = room,
            ["hidden"] = true,
            ["message"] = new JsonObject { ["type"] = "message", ["user"] = Engineer, ["text"] = "Rollback of 4.1.9 started", ["ts"] = ts },
            ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = Engineer, ["text"] = "Rollback of 4.2.0 started", ["ts"] = ts },
            ["ts"] = "1795489990.000200",
            ["event_ts"] = "1795489990.000200",
        });

        Assert.Equal("Rollback of 4.1.9 started", Assert.Single(Notes()).Text);
    }

    [Fact]
    public async Task A_message_older_than_the_bots_copy_is_fetched_once_from_history()
    {
        var room = await DeclareAsync();
        var old = Slack.AddMessage(room, Engineer, "Alert fired: checkout p99 > 2s");

        await ReactAsync(room, old.Ts, added: true);
        await Bot.OutboxDrainedAsync();

        var note = Assert.Single(Notes());
        Assert.Equal("Alert fired: checkout p99 > 2s", note.Text);
        Assert.False(note.TextPending);
        Assert.Single(Slack.Calls("conversations.history"));
    }

    [Fact]
    public async Task A_reaction_on_a_message_the_bot_cannot_read_gets_an_ephemeral_explanation()
    {
        var room = await DeclareAsync();

        await ReactAsync(room, "1795489000.000001", added: true);
        await Bot.OutboxDrainedAsync();

        Assert.Empty(Notes());
        var told = Assert.Single(Slack.Ephemerals(room));
        Assert.Equal(Scribe, told.User);
        Assert.Contains("could not read that message", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reaction_on_a_webhook_message_without_item_user_is_captured()
    {
        var room = await DeclareAsync();
        await SendAsync(new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B0PAGER", ["channel"] = room, ["text"] = "PagerDuty: checkout-api SLO burn", ["ts"] = "1795489921.000300" });

        var ev = ReactionEvent(room, "1795489921.000300", added: true);
        ev.Remove("item_user");
        await SendAsync(ev);

        var note = Assert.Single(Notes());
        Assert.Null(note.Author);
        Assert.Equal("PagerDuty: checkout-api SLO burn", note.Text);
    }

    [Fact]
    public async Task Pinning_a_message_in_the_war_room_captures_it_but_not_the_bots_own_declaration()
    {
        var room = await DeclareAsync();
        var declarationTs = Slack.Pins(room)[0];
        var pin = JsonNode.Parse(Fixture.Text("slack/PinAddedPayload.json"))!["event"]!.AsObject();
        pin["user"] = Scribe;
        pin["channel_id"] = room;
        pin["item"]!["channel"] = room;
        var message = pin["item"]!["message"]!.AsObject();
        message["text"] = "Root cause: connection pool exhausted";
        message["user"] = Engineer;
        message["ts"] = "1795489921.000400";
        await SendAsync(pin);
        message["ts"] = declarationTs;
        await SendAsync(JsonNode.Parse(pin.ToJsonString())!.AsObject());

        var note = Assert.Single(Notes());
        Assert.Equal(NoteSource.Pin, note.Source);
        Assert.Equal("Root cause: connection pool exhausted", note.Text);
    }

    [Fact]
    public async Task Typed_notes_and_bot_events_share_one_timeline_in_time_order()
    {
        var room = await DeclareAsync();
        await Bot.ReplyAsync("note Customers report double charges", channel: room);
        await Bot.ReplyAsync("severity sev1", channel: room);

        var timeline = await Bot.ReplyAsync("timeline", channel: room);

        var declared = timeline.IndexOf("*Declared*", StringComparison.Ordinal);
        var noted = timeline.IndexOf("Customers report double charges", StringComparison.Ordinal);
        var severity = timeline.IndexOf("*Severity*", StringComparison.Ordinal);
        Assert.True(declared >= 0 && declared < noted && noted < severity, timeline);
    }

    [Fact]
    public async Task A_burst_of_2000_reactions_is_acknowledged_and_lands_exactly_once()
    {
        const int count = 2000;
        var room = await DeclareAsync();
        var stamps = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => stamps.Add(await SayAsync(room, "line " + i.ToString(CultureInfo.InvariantCulture))));

        // How fast each is acknowledged (Slack's 3 s) is the load run's reaction burst, measured on a quiet machine.
        await Parallel.ForEachAsync(stamps, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (ts, _) =>
        {
            using var response = await Bot.EventAsync("Ev0BURST" + ts, ReactionEvent(room, ts, added: true));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        var notes = Notes();
        Assert.Equal(count, notes.Count);
        Assert.Equal(count, notes.Select(n => n.MessageTs).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, count).Select(i => "line " + i.ToString(CultureInfo.InvariantCulture)).Order(), notes.Select(n => n.Text).Order());
    }
}
