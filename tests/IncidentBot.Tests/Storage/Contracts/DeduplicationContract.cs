using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Tests.Integration;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Storage.Contracts;

/// <summary>
/// How a replica handles Slack's deliveries, whichever engine it runs on: each event and envelope once, a failed run
/// retried, a delivery in progress joined. The claims of the engine are what a subclass provides.
/// </summary>
public abstract class DeduplicationContract
{
    protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 24, 3, 0));

    /// <summary>The claims of one more replica of the bot on the engine under test.</summary>
    protected abstract IDeliveryClaims Replica();

    [Fact]
    public async Task An_event_handled_is_a_duplicate_when_delivered_again()
    {
        var events = new RecentEventIds(Clock, Replica());
        var runs = 0;

        var first = await events.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));
        var again = await events.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));

        Assert.Equal((SlackDispatchOutcome.Handled, SlackDispatchOutcome.Duplicate, 1), (first, again, runs));
    }

    [Fact]
    public async Task An_event_whose_run_failed_runs_again_when_retried()
    {
        var events = new RecentEventIds(Clock, Replica());

        var failed = await events.HandleOnceAsync("Ev1", () => Task.FromResult(false));
        var retried = await events.HandleOnceAsync("Ev1", () => Task.FromResult(true));
        await Assert.ThrowsAsync<InvalidOperationException>(() => events.HandleOnceAsync("Ev2", () => throw new InvalidOperationException("handler broke")));
        var afterThrow = await events.HandleOnceAsync("Ev2", () => Task.FromResult(true));

        Assert.Equal((SlackDispatchOutcome.Failed, SlackDispatchOutcome.Handled, SlackDispatchOutcome.Handled), (failed, retried, afterThrow));
    }

    [Fact]
    public async Task A_delivery_while_the_first_runs_on_the_same_replica_waits_and_shares_its_outcome()
    {
        var events = new RecentEventIds(Clock, Replica());
        var release = new TaskCompletionSource<bool>();
        var runs = 0;

        var first = events.HandleOnceAsync("Ev1", () => { runs++; return release.Task; });
        var second = events.HandleOnceAsync("Ev1", () => { runs++; return Task.FromResult(true); });
        await Eventually.TrueAsync(() => runs == 1, "the first run to start");
        Assert.False(second.IsCompleted);
        release.SetResult(true);

        Assert.Equal((SlackDispatchOutcome.Handled, SlackDispatchOutcome.Duplicate, 1), (await first, await second, runs));
    }

    [Fact]
    public async Task An_envelope_runs_once_and_its_redelivery_gets_the_same_answer()
    {
        var envelopes = new RecentEnvelopes(Clock, Replica());
        var runs = 0;

        var (first, isFirst) = envelopes.Begin("env-1", () => { runs++; return Task.FromResult<JsonObject?>(new JsonObject { ["text"] = "Declared" }); });
        var (again, isAgainFirst) = envelopes.Begin("env-1", () => { runs++; return Task.FromResult<JsonObject?>(null); });

        var (answered, shared) = (await first, await again);

        Assert.Equal((true, false, 1), (isFirst, isAgainFirst, runs));
        Assert.Equal((DeliveryClaimState.Taken, "Declared"), (answered.Claim, (string?)shared.Answer!["text"]));
    }
}
