using System.Collections.Concurrent;
using NodaTime;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Event ids handled in the last hour, in memory, each with its run: in progress until its handlers finish, then done,
/// or forgotten when one failed so Slack's retry is handled. Slack retries an event within minutes, so an hour is
/// plenty; after a restart a retry may pass once more, which every event handler tolerates (each is idempotent: a
/// note is keyed by its message, a cached message by its ts). The first run on this replica also claims the id from
/// the other replicas (<see cref="IDeliveryClaims"/>); alone, that claim writes nothing, which saves a disk commit
/// per event in a burst.
/// </summary>
public sealed class RecentEventIds(IClock clock, IDeliveryClaims claims) : IEventDeduplicator
{
    private static readonly Duration Keep = Duration.FromHours(1);
    private readonly ConcurrentDictionary<string, Run> runs = new(StringComparer.Ordinal);
    private long recorded;

    public async Task<SlackDispatchOutcome> HandleOnceAsync(string eventId, Func<Task<bool>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var now = clock.GetCurrentInstant();
        var mine = new Run(now);
        var run = runs.GetOrAdd(eventId, mine);
        if (!ReferenceEquals(run, mine))
        {
            return await run.Outcome.Task.ConfigureAwait(false) == SlackDispatchOutcome.Failed ? SlackDispatchOutcome.Failed : SlackDispatchOutcome.Duplicate;
        }

        Sweep(now);
        var outcome = SlackDispatchOutcome.Failed;
        try
        {
            outcome = await ClaimedRunAsync(eventId, handle).ConfigureAwait(false);
            return outcome;
        }
        finally
        {
            // Forgotten before the waiters hear of the failure, so the retry they provoke runs afresh.
            if (outcome == SlackDispatchOutcome.Failed)
            {
                runs.TryRemove(KeyValuePair.Create(eventId, mine));
            }

            mine.Outcome.TrySetResult(outcome);
        }
    }

    /// <summary>
    /// Runs the handlers if this replica takes the claim. One that another replica holds is answered as failed: Slack's
    /// next retry finds it done there, or takes it over once that replica has been gone too long.
    /// </summary>
    private async Task<SlackDispatchOutcome> ClaimedRunAsync(string eventId, Func<Task<bool>> handle)
    {
        var claim = await claims.ClaimAsync(eventId).ConfigureAwait(false);
        if (claim.State != DeliveryClaimState.Taken)
        {
            return claim.State == DeliveryClaimState.Done ? SlackDispatchOutcome.Duplicate : SlackDispatchOutcome.Failed;
        }

        bool handled;
        try
        {
            handled = await handle().ConfigureAwait(false);
        }
        catch
        {
            await claims.ReleaseAsync(eventId).ConfigureAwait(false);
            throw;
        }

        if (!handled)
        {
            await claims.ReleaseAsync(eventId).ConfigureAwait(false);
            return SlackDispatchOutcome.Failed;
        }

        await claims.DoneAsync(eventId, null).ConfigureAwait(false);
        return SlackDispatchOutcome.Handled;
    }

    private void Sweep(Instant now)
    {
        if (Interlocked.Increment(ref recorded) % 1000 != 0)
        {
            return;
        }

        RecentIds.Trim(runs, now, Keep, r => r.At, r => r.Outcome.Task.IsCompleted);
    }

    /// <summary>How many event ids are kept now.</summary>
    internal int Count => runs.Count;

    private sealed record Run(Instant At)
    {
        public TaskCompletionSource<SlackDispatchOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
