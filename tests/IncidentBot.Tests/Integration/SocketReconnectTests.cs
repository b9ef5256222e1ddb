using IncidentBot.Tests.SocketMode;

namespace IncidentBot.Tests.Integration;

/// <summary>Socket Mode across connections: Slack's refreshes, its redeliveries, and a socket that dies.</summary>
public sealed class SocketReconnectTests : SocketBotTest
{
    [Fact]
    public async Task A_command_redelivered_on_another_connection_gets_the_same_answer_and_declares_once()
    {
        var create = SocketEnvelopes.Command("create Payments down sev2", Bot.General, "env-once");
        await Server.SendEnvelopeAsync(create);
        var first = await Server.WaitForAckAsync("env-once");
        await Server.DisconnectAsync("refresh_requested");
        var second = await Server.WaitForConnectionAsync(2);

        await Server.SendAsync(second, SocketEnvelopes.Retry(create));
        await Server.WaitUntilAsync(() => Server.Acks.Count(a => a.EnvelopeId == "env-once") == 2, "the retry's acknowledgement");
        await Bot.OutboxDrainedAsync();

        var retried = Server.Acks.Last(a => a.EnvelopeId == "env-once");
        Assert.Equal([1, 2], Server.Acks.Where(a => a.EnvelopeId == "env-once").Select(a => a.Connection));
        Assert.Equal(first.Payload!.ToJsonString(), retried.Payload!.ToJsonString());
        Assert.Single(Slack.Calls("conversations.create"));
        Assert.Single(Bot.Store.ListOpen());
    }

    [Fact]
    public async Task A_refresh_requested_mid_stream_loses_no_envelope_and_handles_each_once()
    {
        var events = Enumerable.Range(1, 45).Select(i => (Envelope: $"env-stream-{i:D2}", Event: $"Ev0STREAM{i:D2}")).ToList();
        foreach (var (envelope, ev) in events.Take(15))
        {
            await Server.SendEnvelopeAsync(SocketEnvelopes.Mention(envelope, ev));
        }

        // Slack keeps delivering on the old connection until the bot has opened the new one.
        await Server.DisconnectAsync("refresh_requested");
        foreach (var (envelope, ev) in events.Skip(15).Take(15))
        {
            await Server.SendEnvelopeAsync(SocketEnvelopes.Mention(envelope, ev));
        }

        var second = await Server.WaitForConnectionAsync(2);
        foreach (var (envelope, ev) in events.Skip(30))
        {
            await Server.SendEnvelopeAsync(SocketEnvelopes.Mention(envelope, ev));
        }

        await Server.WaitUntilAsync(() => events.TrueForAll(e => Server.Acks.Any(a => a.EnvelopeId == e.Envelope)), "every envelope's acknowledgement");
        await Eventually.TrueAsync(() => Mentions.Seen.Count >= events.Count, "every event to be handled");
        var first = Server.Connections[0];
        await Server.WaitForClosedAsync(first);

        Assert.Equal(events.Select(e => e.Event).Order(StringComparer.Ordinal), Mentions.Seen.Order(StringComparer.Ordinal));
        Assert.True(first.ClosedByBot, "the bot closed the old connection itself");
        Assert.True(second.OpenedAt < first.ClosedAt, "the new connection was open before the old one closed");
        Assert.All(events.Skip(30), e => Assert.Contains(Server.Acks, a => a.EnvelopeId == e.Envelope && a.Connection == 2));
    }
}
