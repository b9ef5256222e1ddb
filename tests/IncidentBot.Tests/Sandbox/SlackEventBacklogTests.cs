using System.Text.Json.Nodes;
using IncidentBot.Sandbox;

namespace IncidentBot.Tests.Sandbox;

/// <summary>The sandbox's events for the bot wait in a bounded queue: a bot that stops taking them costs bounded memory.</summary>
public sealed class SlackEventBacklogTests
{
    [Fact]
    public void Beyond_its_capacity_the_oldest_waiting_event_is_given_up_and_counted_and_the_rest_keep_their_order()
    {
        var backlog = new SlackEventBacklog(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            backlog.Enqueue(new JsonObject { ["type"] = "message", ["text"] = $"m{i}" });
        }

        Assert.Equal(3, backlog.Count);
        Assert.Equal(2, backlog.DroppedCount);
        Assert.Equal(["m3", "m4", "m5"], backlog.Drain().Select(e => (string?)e["text"]));
    }

    [Fact]
    public void The_default_capacity_is_a_thousand_events()
    {
        var backlog = new SlackEventBacklog();
        for (var i = 0; i < 1_500; i++)
        {
            backlog.Enqueue(new JsonObject { ["type"] = "reaction_added" });
        }

        Assert.Equal(SlackEventBacklog.DefaultCapacity, backlog.Count);
        Assert.Equal(500, backlog.DroppedCount);
    }
}
