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
    private const int BatchSize = 100;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private readonly Signal laneEnded = new();
    private readonly Dictionary<(int Incident, int Lane), Task> lanes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake = Task.WhenAny(signals.Outbox.Next, laneEnded.Next);
                try
                {
                    StartDueLanes(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The outbox must outlive a bad moment of the database; what is pending is looked at again shortly.
                    LogLoopFailed(ex);
                }

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
        foreach (var first in store.PendingOutbox().GroupBy(m => (m.IncidentId, m.Lane)).Select(g => g.First()))
        {
            var lane = (first.IncidentId, first.Lane);
            if (first.NextAttemptAt <= now && !lanes.ContainsKey(lane) && Ready(first))
            {
                lanes[lane] = RunLaneAsync(lane, stoppingToken);
            }
        }
    }

    private async Task RunLaneAsync((int Incident, int Lane) lane, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A batch at a time: messages decided meanwhile have higher ids, so the order holds across batches.
                var batch = store.PendingInLane(lane.Incident, lane.Lane, BatchSize);
                foreach (var next in batch)
                {
                    if (next.NextAttemptAt > clock.GetCurrentInstant() || !Ready(next)
                        || await delivery.DeliverAsync(next, stoppingToken).ConfigureAwait(false) == OutboxStep.RetryLater)
                    {
                        return;
                    }
                }

                if (batch.Count < BatchSize)
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
            LogLaneCrashed(ex, lane.Incident);
        }
        finally
        {
            laneEnded.Notify();
        }
    }

    /// <summary>A step that needs the war room waits, without an attempt, until the main lane has created it.</summary>
    private bool Ready(OutboxMessage message) =>
        !message.NeedsWarRoom || message.Lane == OutboxMessage.MainLane || store.Find(new IncidentBot.Incidents.IncidentId(message.IncidentId))?.WarRoom.ChannelId is not null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for pending outbox messages failed")]
    private partial void LogLoopFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox lane of incident {IncidentId} stopped on an unexpected error")]
    private partial void LogLaneCrashed(Exception ex, int incidentId);
}
