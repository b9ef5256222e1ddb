using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// Sends the outbox to Slack. Each incident is a lane: its messages go strictly in the order they were decided,
/// while different incidents proceed side by side. A commit wakes the service at once; a lane blocked by a retry
/// is looked at again when its time comes. After a restart it simply carries on with what is still pending.
/// </summary>
public sealed partial class OutboxService(IIncidentStore store, OutboxDelivery delivery, StoreSignals signals, IClock clock, ILogger<OutboxService> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private readonly Signal laneEnded = new();
    private readonly Dictionary<int, Task> lanes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake = Task.WhenAny(signals.Outbox.Next, laneEnded.Next);
                StartDueLanes(stoppingToken);
                await wake.WaitAsync(IdlePoll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is pending stays in the outbox for the next start.
        }
        finally
        {
            await Task.WhenAll(lanes.Values).ConfigureAwait(false);
        }
    }

    private void StartDueLanes(CancellationToken stoppingToken)
    {
        foreach (var done in lanes.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
        {
            lanes.Remove(done);
        }

        var now = clock.GetCurrentInstant();
        foreach (var first in store.PendingOutbox().GroupBy(m => m.IncidentId).Select(g => g.First()))
        {
            if (first.NextAttemptAt <= now && !lanes.ContainsKey(first.IncidentId))
            {
                lanes[first.IncidentId] = RunLaneAsync(first.IncidentId, stoppingToken);
            }
        }
    }

    private async Task RunLaneAsync(int incidentId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pending = store.PendingOutbox(incidentId);
                if (pending.Count == 0 || pending[0].NextAttemptAt > clock.GetCurrentInstant())
                {
                    return;
                }

                var next = pending[0];

                if (await delivery.DeliverAsync(next, stoppingToken).ConfigureAwait(false) == OutboxStep.RetryLater)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-call: the message stays pending and is resumed, idempotently, after the restart.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in one step must not stop the whole outbox; the lane is retried on the next poll.
            LogLaneCrashed(ex, incidentId);
        }
        finally
        {
            laneEnded.Notify();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox lane of incident {IncidentId} stopped on an unexpected error")]
    private partial void LogLaneCrashed(Exception ex, int incidentId);
}
