using IncidentBot.Tests.SocketMode;

namespace IncidentBot.Tests.Integration;

/// <summary>A socket that dies: the bot backs off on its <see cref="TestTime"/>, so the test moves time instead of waiting.</summary>
public sealed class SocketBackoffTests : SocketBotTest
{
    private readonly TestTime time = new();

    private protected override TestTime Time => time;

    [Fact]
    public async Task A_killed_socket_is_reported_then_reconnected_after_its_backoff_and_work_resumes()
    {
        await HealthWhenAsync(Bot, "connected");
        Server.Kill();
        Assert.Equal("""{"status":"degraded","slack":"ok","socket":"reconnecting","store":"LiteDB","scheduler":"leader","outbox_pending":"0","outbox_parked":"0"}""", await HealthWhenAsync(Bot, "reconnecting"));

        // Sent while the bot is away: Slack holds it for the next connection, which waits for the back-off's time.
        await Server.SendEnvelopeAsync(SocketEnvelopes.Command("create Search is down", Bot.General, "env-after-kill"));
        Assert.Single(Server.Connections);
        await time.AdvanceUntilAsync(() => Server.Connections.Count == 2, "the reconnection after the back-off", TimeSpan.FromMilliseconds(20));
        var ack = await Server.WaitForAckAsync("env-after-kill");
        await Bot.OutboxDrainedAsync();

        Assert.False(Server.Connections[0].ClosedByBot);
        Assert.Equal(2, ack.Connection);
        Assert.Contains("Declaring *INC-1*", (string?)ack.Payload!["text"], StringComparison.Ordinal);
        Assert.Contains(Slack.Channels, c => c.Name.EndsWith("-search-is-down", StringComparison.Ordinal));
        Assert.Equal("""{"status":"ok","slack":"ok","socket":"connected","store":"LiteDB","scheduler":"leader","outbox_pending":"0","outbox_parked":"0"}""", await HealthWhenAsync(Bot, "connected"));
    }
}
