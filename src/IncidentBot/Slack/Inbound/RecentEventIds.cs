using System.Collections.Concurrent;
using NodaTime;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Event ids handled in the last hour, in memory, each with its run: in progress until its handlers finish, then done,
/// or forgotten when one failed so Slack's retry is handled. Slack retries an event within minutes, so an hour is
/// plenty; after a restart a retry may pass once more, which every event handler tolerates (each is idempotent: a
/// note is keyed by its message, a cached message by its ts). Keeping this out of the database saves a disk commit per
/// event in a burst.
/// </summary>
public sealed class RecentEventIds(IClock clock) : IEventDeduplicator
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
            return await run.Outcome.Task.ConfigureAwait(false) ? SlackDispatchOutcome.Duplicate : SlackDispatchOutcome.Failed;
        }

        Sweep(now);
        var handled = false;
        try
        {
            handled = await handle().ConfigureAwait(false);
            return handled ? SlackDispatchOutcome.Handled : SlackDispatchOutcome.Failed;
        }
        finally
        {
            // Forgotten before the waiters hear of the failure, so the retry they provoke runs afresh.
            if (!handled)
            {
                runs.TryRemove(KeyValuePair.Create(eventId, mine));
            }

            mine.Outcome.TrySetResult(handled);
        }
    }

    private void Sweep(Instant now)
    {
        if (Interlocked.Increment(ref recorded) % 1000 != 0)
        {
            return;
        }

        foreach (var old in runs.Where(e => e.Value.Outcome.Task.IsCompleted && now - e.Value.At > Keep))
        {
            runs.TryRemove(old);
        }
    }

    private sealed record Run(Instant At)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
