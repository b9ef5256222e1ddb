using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Integration;

/// <summary>The scribe's permalink lookup held up by Slack, on a <see cref="TestTime"/> the test moves.</summary>
public sealed class ScribePermalinkTests : ScribeTest
{
    private readonly TestTime time = new();

    private protected override TestTime Time => time;

    [Fact]
    public async Task An_edit_made_while_the_permalink_is_on_its_way_is_kept_with_the_permalink()
    {
        var room = await DeclareAsync();
        var ts = await SayAsync(room, "Rollback of 4.2.0 started");
        // Slack's answer waits for the test's time, so the edit surely comes while the permalink is on its way.
        Slack.DelayNext("chat.getPermalink", TimeSpan.FromMilliseconds(500));
        await ReactAsync(room, ts, added: true);
        await Slack.WaitForCallAsync("chat.getPermalink");

        await SendAsync(new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = "message_changed",
            ["channel"] = room,
            ["hidden"] = true,
            ["message"] = new JsonObject { ["type"] = "message", ["user"] = Engineer, ["text"] = "Rollback of 4.1.9 started", ["ts"] = ts },
            ["previous_message"] = new JsonObject { ["type"] = "message", ["user"] = Engineer, ["text"] = "Rollback of 4.2.0 started", ["ts"] = ts },
            ["ts"] = "1795489990.000300",
            ["event_ts"] = "1795489990.000300",
        });
        await time.AdvanceUntilAsync(() => Bot.Store.PendingOutbox().Count == 0, "the permalink and the outbox", TimeSpan.FromMilliseconds(100));

        var note = Assert.Single(Notes());
        Assert.Equal("Rollback of 4.1.9 started", note.Text);
        Assert.NotNull(note.Permalink);
    }
}
