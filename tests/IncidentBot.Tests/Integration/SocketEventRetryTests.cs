using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.SocketMode;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Over Socket Mode, an event whose handler failed is left unacknowledged, so Slack delivers it again.</summary>
public sealed class SocketEventRetryTests : SocketBotTest
{
    private ObservedDeduplicator Deliveries => (ObservedDeduplicator)Bot.Services.GetRequiredService<IEventDeduplicator>();

    private FlakyNoteStore Store => (FlakyNoteStore)Bot.Services.GetRequiredService<INoteStore>();

    [Fact]
    public async Task A_reaction_whose_note_could_not_be_stored_is_not_acknowledged_and_slacks_redelivery_puts_it_on_the_timeline_once()
    {
        await Bot.ReplyAsync("create Checkout down sev2");
        await Bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        var ts = Slack.AddMessage(room, "U0ENGINEER", "DB primary CPU at 100% since 03:05").Ts;
        var envelope = Reaction("env-react", room, ts);
        Store.FailNextAdds();

        var before = Deliveries.FinishedSoFar;
        await Server.SendEnvelopeAsync(envelope);
        await Deliveries.Finished(before + 1).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Store.Failed);
        Assert.DoesNotContain(Server.Acks, a => a.EnvelopeId == "env-react");
        await Server.SendEnvelopeAsync(SocketEnvelopes.Retry(envelope));
        await Server.WaitForAckAsync("env-react");
        await Bot.OutboxDrainedAsync();

        Assert.Single(Server.Acks, a => a.EnvelopeId == "env-react");
        Assert.Equal("DB primary CPU at 100% since 03:05", Assert.Single(Bot.Services.GetRequiredService<INoteStore>().ForIncident(new IncidentId(1))).Text);
    }

    private protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<LiteDbNoteStore>();
        services.AddSingleton<INoteStore>(sp => new FlakyNoteStore(sp.GetRequiredService<LiteDbNoteStore>()));
        services.AddSingleton<RecentEventIds>();
        services.AddSingleton<IEventDeduplicator>(sp => new ObservedDeduplicator(sp.GetRequiredService<RecentEventIds>()));
    }

    /// <summary>An events_api envelope around Slack's reaction_added sample, by a person, on the message at <paramref name="ts"/>.</summary>
    private static JsonObject Reaction(string envelopeId, string room, string ts)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ReactionAddedPayload.json"))!.AsObject();
        payload["event_id"] = "Ev0SOCKREACT";
        payload["authorizations"]![0]!["user_id"] = FakeSlackApi.BotUserId;
        payload["authorizations"]![0]!["is_bot"] = true;
        var ev = payload["event"]!;
        ev["user"] = "U0SCRIBE";
        ev["reaction"] = "memo";
        ev["item_user"] = "U0ENGINEER";
        ev["item"]!["channel"] = room;
        ev["item"]!["ts"] = ts;
        ev["event_ts"] = ts;
        return new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["payload"] = payload,
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["retry_attempt"] = 0,
            ["retry_reason"] = "",
        };
    }
}
