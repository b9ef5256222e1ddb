using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>A declared incident's war room, and people talking and reacting in it as Slack would tell the bot.</summary>
public abstract class ScribeTest : BotTest
{
    private protected const string Engineer = "U0ENGINEER";
    private protected const string Scribe = "U0SCRIBE";
    private int nextEvent;

    private protected IReadOnlyList<ScribeNote> Notes() => Bot.Services.GetRequiredService<INoteStore>().ForIncident(new IncidentId(1));

    private protected async Task<string> DeclareAsync()
    {
        await Bot.ReplyAsync("create Checkout down sev2");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    /// <summary>Someone says <paramref name="text"/> in the war room: Slack stores it and sends the bot the message event.</summary>
    private protected async Task<string> SayAsync(string room, string text)
    {
        var ts = Slack.AddMessage(room, Engineer, text).Ts;
        await SendAsync(new JsonObject { ["type"] = "message", ["channel"] = room, ["user"] = Engineer, ["text"] = text, ["ts"] = ts, ["event_ts"] = ts, ["channel_type"] = "channel" });
        return ts;
    }

    private protected Task ReactAsync(string room, string ts, bool added, string user = Scribe) => SendAsync(ReactionEvent(room, ts, added, user));

    private protected async Task SendAsync(JsonObject ev)
    {
        using var response = await Bot.EventAsync("Ev0" + Interlocked.Increment(ref nextEvent).ToString(CultureInfo.InvariantCulture), ev);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Slack's reaction_added sample with the ids filled in.</summary>
    private protected static JsonObject ReactionEvent(string room, string ts, bool added, string user = Scribe)
    {
        var ev = JsonNode.Parse(Fixture.Text("slack/ReactionAddedPayload.json"))!["event"]!.AsObject();
        ev["type"] = added ? "reaction_added" : "reaction_removed";
        ev["user"] = user;
        ev["reaction"] = "memo";
        ev["item_user"] = Engineer;
        ev["item"]!["channel"] = room;
        ev["item"]!["ts"] = ts;
        ev["event_ts"] = ts;
        return JsonNode.Parse(ev.ToJsonString())!.AsObject();
    }
}
