using IncidentBot.Slack.Inbound;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// The bot's own <see cref="RecentEventIds"/>, telling a test when deliveries have reached it (claimed their event id
/// or joined the run in progress) and when they have had their outcome, so a test orders deliveries without sleeping.
/// </summary>
public sealed class ObservedDeduplicator(RecentEventIds inner) : IEventDeduplicator
{
    private readonly Counter entered = new();
    private readonly Counter finished = new();

    /// <summary>How many deliveries have reached the deduplicator so far (those of the test's set-up included).</summary>
    public int EnteredSoFar => entered.Value;

    /// <summary>Completes once <paramref name="count"/> deliveries have reached the deduplicator.</summary>
    public Task Entered(int count) => entered.When(count);

    /// <summary>How many deliveries have had their outcome so far.</summary>
    public int FinishedSoFar => finished.Value;

    /// <summary>Completes once <paramref name="count"/> deliveries have had their outcome.</summary>
    public Task Finished(int count) => finished.When(count);

    public async Task<SlackDispatchOutcome> HandleOnceAsync(string eventId, Func<Task<bool>> handle)
    {
        // The inner call returns once the delivery has claimed the id or joined the run in progress.
        var outcome = inner.HandleOnceAsync(eventId, handle);
        entered.Increment();
        try
        {
            return await outcome;
        }
        finally
        {
            finished.Increment();
        }
    }

    private sealed class Counter
    {
        private readonly Lock gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
        private int value;

        public int Value
        {
            get
            {
                lock (gate)
                {
                    return value;
                }
            }
        }

        public Task When(int count)
        {
            lock (gate)
            {
                if (value >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public void Increment()
        {
            lock (gate)
            {
                value++;
                foreach (var waiter in waiters.Where(w => w.Count <= value))
                {
                    waiter.Reached.TrySetResult();
                }
            }
        }
    }
}
