using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.SocketMode;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Storage.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>
/// The deduplication contract on PostgreSQL, and what replicas on one database share: two deduplicators on one schema
/// are two replicas, and Slack's retry of a delivery may reach either.
/// </summary>
public sealed class PostgresDeduplicationTests : DeduplicationContract, IAsyncLifetime
{
    private readonly List<PostgresDatabase> opened = [];
    private string connectionString = "";

    public Task InitializeAsync()
    {
        connectionString = PostgresServer.NewDatabase();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }
    }

    protected override IDeliveryClaims Replica()
    {
        var database = PostgresDatabase.Open(connectionString);
        opened.Add(database);
        return new PostgresDeliveryClaims(database, Clock, NullLogger<PostgresDeliveryClaims>.Instance);
    }

    [Fact]
    public async Task An_event_handled_on_one_replica_is_a_duplicate_on_the_other()
    {
        var (a, b) = (new RecentEventIds(Clock, Replica()), new RecentEventIds(Clock, Replica()));
        var runs = 0;

        var first = await a.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));
        var retried = await b.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));

        Assert.Equal((SlackDispatchOutcome.Handled, SlackDispatchOutcome.Duplicate, 1), (first, retried, runs));
    }

    [Fact]
    public async Task An_event_that_failed_on_one_replica_runs_when_retried_to_the_other()
    {
        var (a, b) = (new RecentEventIds(Clock, Replica()), new RecentEventIds(Clock, Replica()));

        var failed = await a.HandleOnceAsync("Ev1", () => Task.FromResult(false));
        var retried = await b.HandleOnceAsync("Ev1", () => Task.FromResult(true));
        var again = await a.HandleOnceAsync("Ev1", () => Task.FromResult(true));

        Assert.Equal((SlackDispatchOutcome.Failed, SlackDispatchOutcome.Handled, SlackDispatchOutcome.Duplicate), (failed, retried, again));
    }

    [Fact]
    public async Task A_retry_while_another_replica_runs_the_event_fails_so_Slack_sends_it_again_and_then_is_a_duplicate()
    {
        var (a, b) = (new RecentEventIds(Clock, Replica()), new RecentEventIds(Clock, Replica()));
        var release = new TaskCompletionSource<bool>();
        var started = new TaskCompletionSource();
        var running = a.HandleOnceAsync("Ev1", () => { started.SetResult(); return release.Task; });
        await started.Task;

        var meanwhile = await b.HandleOnceAsync("Ev1", () => Task.FromResult(true));
        release.SetResult(true);
        var handled = await running;
        var later = await b.HandleOnceAsync("Ev1", () => Task.FromResult(true));

        Assert.Equal((SlackDispatchOutcome.Failed, SlackDispatchOutcome.Handled, SlackDispatchOutcome.Duplicate), (meanwhile, handled, later));
    }

    [Fact]
    public async Task A_claim_left_in_progress_by_a_replica_that_died_is_taken_over_after_a_minute()
    {
        var died = Replica();
        Assert.Equal(DeliveryClaimState.Taken, (await died.ClaimAsync("Ev1")).State);
        var survivor = new RecentEventIds(Clock, Replica());
        var runs = 0;

        Clock.Advance(PostgresDeliveryClaims.Stale - Duration.FromSeconds(1));
        var tooSoon = await survivor.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));
        Clock.Advance(Duration.FromSeconds(1));
        var takenOver = await survivor.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));
        await died.DoneAsync("Ev1", "late");
        await died.ReleaseAsync("Ev1");
        var after = await survivor.HandleOnceAsync("Ev1", () => Task.FromResult(++runs > 0));

        Assert.Equal((SlackDispatchOutcome.Failed, SlackDispatchOutcome.Handled, SlackDispatchOutcome.Duplicate, 1), (tooSoon, takenOver, after, runs));
        Assert.Equal(new DeliveryClaim(DeliveryClaimState.Done), await Replica().ClaimAsync("Ev1"));
    }

    [Fact]
    public async Task An_envelope_answered_on_one_replica_gets_the_same_answer_on_the_other_without_running_again()
    {
        var (a, b) = (new RecentEnvelopes(Clock, Replica()), new RecentEnvelopes(Clock, Replica()));
        var runs = 0;

        var first = await a.Begin("env-1", () => { runs++; return Task.FromResult<JsonObject?>(new JsonObject { ["text"] = "Declared INC-7" }); }).Run;
        var (redelivered, firstThere) = b.Begin("env-1", () => { runs++; return Task.FromResult<JsonObject?>(null); });
        var answer = await redelivered;

        Assert.Equal((DeliveryClaimState.Taken, DeliveryClaimState.Done, true, 1), (first.Claim, answer.Claim, firstThere, runs));
        Assert.Equal("Declared INC-7", (string?)answer.Answer!["text"]);
    }

    [Fact]
    public async Task An_envelope_running_on_another_replica_is_left_for_Slack_to_send_again()
    {
        var (a, b) = (new RecentEnvelopes(Clock, Replica()), new RecentEnvelopes(Clock, Replica()));
        var release = new TaskCompletionSource<JsonObject?>();
        var started = new TaskCompletionSource();
        var running = a.Begin("env-1", () => { started.SetResult(); return release.Task; }).Run;
        await started.Task;

        var busy = await b.Begin("env-1", () => Task.FromResult<JsonObject?>(null)).Run;
        release.SetResult(new JsonObject { ["response_action"] = "clear" });
        await running;
        var resent = await b.Begin("env-1", () => Task.FromResult<JsonObject?>(null)).Run;

        Assert.Equal((DeliveryClaimState.Busy, (JsonObject?)null), (busy.Claim, busy.Answer));
        Assert.Equal((DeliveryClaimState.Done, "clear"), (resent.Claim, (string?)resent.Answer!["response_action"]));
    }

    [Fact]
    public async Task Deliveries_older_than_an_hour_are_pruned()
    {
        var a = new RecentEventIds(Clock, Replica());
        await a.HandleOnceAsync("Ev-old", () => Task.FromResult(true));
        Clock.Advance(PostgresDeliveryClaims.Keep + Duration.FromMinutes(1));

        await new RecentEventIds(Clock, Replica()).HandleOnceAsync("Ev-new", () => Task.FromResult(true));

        await using var command = opened[0].Source.CreateCommand("SELECT string_agg(id, ',') FROM deliveries");
        Assert.Equal("Ev-new", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task While_the_database_fails_an_event_is_not_handled_and_Slack_s_retry_runs_it_once_it_is_back()
    {
        var claims = Replica();
        var events = new RecentEventIds(Clock, claims);
        await using (var rename = opened[0].Source.CreateCommand("ALTER TABLE deliveries RENAME TO deliveries_away"))
        {
            await rename.ExecuteNonQueryAsync();
        }

        var meanwhile = await events.HandleOnceAsync("Ev1", () => Task.FromResult(true));
        await claims.DoneAsync("Ev2", null);
        await claims.ReleaseAsync("Ev2");
        await using (var back = opened[0].Source.CreateCommand("ALTER TABLE deliveries_away RENAME TO deliveries"))
        {
            await back.ExecuteNonQueryAsync();
        }

        var retried = await events.HandleOnceAsync("Ev1", () => Task.FromResult(true));

        Assert.Equal((SlackDispatchOutcome.Failed, SlackDispatchOutcome.Handled), (meanwhile, retried));
    }
}
