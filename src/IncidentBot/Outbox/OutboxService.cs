using IncidentBot.Incidents;
using IncidentBot.Observability;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Outbox;

/// <summary>
/// Sends the outbox to Slack. Each incident is a lane: its messages go strictly in the order they were decided,
/// while different incidents proceed side by side. A commit wakes the service at once and names the lanes that got
/// messages, so under load it looks only at those; once a second it also looks at everything pending, which finds a
/// lane whose retry has come due and, after a restart, what was left. Beside other replicas, a lane runs only while this
/// one holds its lease (<see cref="LeaseOf"/>), kept renewed as it runs and released when it ends: each message is
/// delivered by one replica at a time, while any may deliver. A lane held elsewhere is skipped and found again by the
/// scan; one left by a replica that died is resumed once its lease runs out. A lane that fell behind sends what shows the
/// incident's current state (topic, declaration, announcements) once, for its latest state
/// (<see cref="OutboxDelivery.WithoutSupersededAsync"/>). While Slack refuses the bot token
/// (<see cref="SlackTokenState"/>) no lane starts and running lanes stop before their next message; the resume wakes it.
/// It waits on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class OutboxService(
    IIncidentStore store,
    OutboxDelivery delivery,
    StoreSignals signals,
    SlackTokenState token,
    IClock clock,
    TimeProvider time,
    ILeases leases,
    BotTelemetry telemetry,
    ILogger<OutboxService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly Duration FullScanEvery = Duration.FromSeconds(1);
    private readonly Signal laneEnded = new();
    private readonly Dictionary<(IncidentId Incident, int Lane), Task> lanes = [];

    /// <summary>Lanes with pending messages that are not running yet: busy, or waiting for their war room.</summary>
    private readonly HashSet<(IncidentId Incident, int Lane)> waiting = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Instant? lastFullScan = null;
            while (!stoppingToken.IsCancellationRequested)
            {
                Task wake = Task.WhenAny(signals.Outbox.Next, laneEnded.Next, token.Changed);
                try
                {
                    var now = clock.GetCurrentInstant();
                    waiting.UnionWith(signals.TakeLanesWithNews());
                    if (lastFullScan is not { } last || now - last >= FullScanEvery)
                    {
                        lastFullScan = now;
                        waiting.UnionWith(store.PendingLanes());
                    }

                    StartWaitingLanes(now, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The outbox must outlive a bad moment of the database; what is pending is looked at again shortly.
                    LogLoopFailed(ex);
                }

                await wake.WaitAsync(IdlePoll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

    private void StartWaitingLanes(Instant now, CancellationToken stoppingToken)
    {
        foreach (var done in lanes.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
        {
            lanes.Remove(done);
        }

        if (token.IsPaused)
        {
            // Every lane waits, pending, for Slack to accept the token again.
            return;
        }

        foreach (var lane in waiting.ToList())
        {
            if (lanes.ContainsKey(lane))
            {
                // Running: it may have read its batch before the new message came; look again when it ends.
                continue;
            }

            if (store.PendingInLane(lane.Incident, lane.Lane, 1) is not [var first])
            {
                waiting.Remove(lane);
            }
            else if (first.NextAttemptAt > now)
            {
                // A retry not due yet: the once-a-second scan brings it back in time.
                waiting.Remove(lane);
            }
            else if (Ready(first))
            {
                waiting.Remove(lane);
                lanes[lane] = RunLaneAsync(lane, stoppingToken);
            }
        }
    }

    /// <summary>The name of the lease a replica holds while it delivers <paramref name="lane"/>.</summary>
    public static string LeaseOf((IncidentId Incident, int Lane) lane) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"outbox:{lane.Incident.Value}:{lane.Lane}");

    private async Task RunLaneAsync((IncidentId Incident, int Lane) lane, CancellationToken stoppingToken)
    {
        await Task.Yield();
        HeldLease? held = null;
        try
        {
            held = await HeldLease.TryTakeAsync(leases, LeaseOf(lane), time, logger, stoppingToken).ConfigureAwait(false);
            if (held is null)
            {
                // Another replica delivers it now; the scan looks again.
                return;
            }

            using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, held.Lost);
            await DeliverLaneAsync(lane, held, running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || held is { IsLost: true })
        {
            // Stopping, or the lease is lost, mid-call: the message stays pending and is resumed, idempotently, by
            // whichever replica holds the lane next.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in one step must not stop the whole outbox; the lane is retried on the next poll.
            LogLaneCrashed(ex, lane.Incident);
        }
        finally
        {
            if (held is not null)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }

            laneEnded.Notify();
        }
    }

    private async Task DeliverLaneAsync((IncidentId Incident, int Lane) lane, HeldLease held, CancellationToken cancellationToken)
    {
        // Once the war room exists it stays: look it up until then, not for every message of a long lane.
        var ready = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            // A batch at a time: messages decided meanwhile have higher ids, so the order holds across batches.
            var batch = store.PendingInLane(lane.Incident, lane.Lane, BatchSize);
            telemetry.LaneStarted(batch.Count);
            var toDeliver = held.IsCurrent ? await delivery.WithoutSupersededAsync(batch).ConfigureAwait(false) : batch;
            foreach (var superseded in batch.Where(m => m.State == OutboxState.Done))
            {
                telemetry.Delivered(null, superseded.Kind, "superseded", retry: false);
            }

            foreach (var next in toDeliver)
            {
                if (delivery.EndsWarRoom(next) && !await AfterOtherLanesAsync(next, held, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                ready = ready || Ready(next);
                if (next.NextAttemptAt > clock.GetCurrentInstant() || !ready || !held.IsCurrent || token.IsPaused
                    || await DeliverAsync(next, cancellationToken).ConfigureAwait(false) == OutboxStep.RetryLater)
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

    /// <summary>One attempt, in a span of the trace that decided the message, counted by kind and outcome.</summary>
    private async Task<OutboxStep> DeliverAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        var kind = message.Kind.ToString();
        var retry = message.Attempts > 0;
        using var activity = BotTelemetry.StartDelivery(kind, message.TraceParent, message.Id, message.IncidentId.Value);
        try
        {
            var step = await delivery.DeliverAsync(message, stoppingToken).ConfigureAwait(false);
            telemetry.Delivered(activity, kind, step == OutboxStep.RetryLater ? "retry_later" : step.ToString().ToLowerInvariant(), retry);
            return step;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            telemetry.Delivered(activity, kind, "crashed", retry);
            throw;
        }
    }

    /// <summary>
    /// Holds <paramref name="ending"/>'s lane while another lane of its incident still has a message for the war room (an
    /// invite, a bookmark, a topic of a declaration cancelled at once): done first, the archive would make each of them
    /// fail. Looks again whenever a lane of this process ends, and each <see cref="IdlePoll"/> for lanes run elsewhere.
    /// False when stopping or the lane's lease is lost.
    /// </summary>
    private async Task<bool> AfterOtherLanesAsync(OutboxMessage ending, HeldLease held, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task ended = laneEnded.Next;
            if (!store.PendingLanes().Any(l => l.Incident == ending.IncidentId && l.Lane != ending.Lane && store.PendingInLane(l.Incident, l.Lane, 1) is [{ NeedsWarRoom: true }]))
            {
                return true;
            }

            await ended.WaitAsync(IdlePoll, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested || !held.IsCurrent)
            {
                return false;
            }
        }
    }

    /// <summary>A step that needs the war room waits, without an attempt, until the main lane has created it.</summary>
    private bool Ready(OutboxMessage message) =>
        !message.NeedsWarRoom || message.Lane == OutboxMessage.MainLane || store.Find(message.IncidentId)?.WarRoom.ChannelId is not null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for pending outbox messages failed")]
    private partial void LogLoopFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox lane of incident {IncidentId} stopped on an unexpected error")]
    private partial void LogLaneCrashed(Exception ex, IncidentId incidentId);
}
