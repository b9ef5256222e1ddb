using IncidentBot.Incidents;
using IncidentBot.Observability;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Scheduling;

/// <summary>
/// Sleeps until the earliest due time stored in the database (an update reminder, an escalation step), or until an
/// incident changes, then lets each <see cref="IDueWork"/> send what is due. Due times live in the database, not in
/// timers, so a restart loses none. Only the replica that holds the <see cref="Lease"/> runs the work, so each reminder
/// goes out once; the lease is renewed every third of its duration, and a standby tries for it as often, so when the
/// leader dies another takes over within the lease's duration and a third; a clean stop releases it at once. It waits
/// on <see cref="TimeKey"/>'s <see cref="TimeProvider"/> (the registered one unless keyed apart), so a test moves time
/// and wakes it instead of sleeping.
/// </summary>
public sealed partial class DueWorkService(
    IEnumerable<IDueWork> work,
    StoreSignals signals,
    IClock clock,
    [FromKeyedServices(DueWorkService.TimeKey)] TimeProvider time,
    ILeases leases,
    SchedulerLeadership leadership,
    BotTelemetry telemetry,
    ILogger<DueWorkService> logger) : BackgroundService
{
    /// <summary>The user of the audit entries that scheduled work writes.</summary>
    public static readonly ResponderId SystemActor = new("IncidentBot");

    /// <summary>The key of the <see cref="TimeProvider"/> the scheduler sleeps on.</summary>
    public const string TimeKey = "reminders";

    /// <summary>The name of the lease its leader holds.</summary>
    public const string Lease = "scheduler";

    /// <summary>Looks again at least this often, so a clock change or a missed signal costs at most this long.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>Never spins: a due time that could not be served (the database failed) is looked at again after this.</summary>
    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(200);

    private HeldLease? held;

    /// <summary>Tries for the lease before the host serves, so a lone replica leads from its first request on.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LeadAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the lease once the loop ended (or if it never ran), so a rolling deploy hands over at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await StepDownAsync().ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Task changed = signals.Incidents.Next;
                if (!await LeadAsync(stoppingToken).ConfigureAwait(false))
                {
                    // Standby: the leader does the work; try for the lease again a third of its duration from now.
                    await Task.Delay(HeldLease.RenewEvery(leases), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                var looked = time.GetTimestamp();
                var next = await SendDueAsync().ConfigureAwait(false);
                await SleepAsync(looked, next, Task.WhenAny(changed, held!.WhenLost), stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // A clean stop hands the lead over at once, so a rolling deploy leaves no gap.
            await StepDownAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sleeps until <paramref name="next"/> (within <see cref="MinSleep"/> and <see cref="MaxSleep"/>) or until
    /// <paramref name="wake"/>. The due times were read, and the sleep is measured, before its timer is set; if the clock
    /// moved on by <see cref="MinSleep"/> or more since the look began at <paramref name="looked"/> (a slow database, a
    /// suspended machine, a stepped clock, a test moving time), the timer would fire that much late, so it is dropped and
    /// the loop looks again at once: still at most one look per <see cref="MinSleep"/>.
    /// </summary>
    private async Task SleepAsync(long looked, Instant? next, Task wake, CancellationToken stoppingToken)
    {
        var sleep = next is { } due ? (due - clock.GetCurrentInstant()).ToTimeSpan() : MaxSleep;
        sleep = sleep < MinSleep ? MinSleep : sleep > MaxSleep ? MaxSleep : sleep;
        using var armed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var sleeping = wake.WaitAsync(sleep, time, armed.Token);
        if (time.GetElapsedTime(looked) >= MinSleep)
        {
            await armed.CancelAsync().ConfigureAwait(false);
        }

        await sleeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Runs every due work once; returns the earliest time something is due next.</summary>
    private async Task<Instant?> SendDueAsync()
    {
        Instant? next = null;
        foreach (var item in work)
        {
            try
            {
                var sent = await item.SendDueAsync().ConfigureAwait(false);
                telemetry.Fired(item.GetType().Name.Replace("Policy", "", StringComparison.Ordinal).ToLowerInvariant(), sent);
                if (sent > 0)
                {
                    LogSent(sent, item.GetType().Name);
                }

                next = item.NextDue() is { } at && (next is null || at < next) ? at : next;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, item.GetType().Name);
            }
        }

        return next;
    }

    /// <summary>Whether this replica leads now: keeps a lease still held, takes it when free.</summary>
    private async Task<bool> LeadAsync(CancellationToken cancellationToken)
    {
        if (held is { IsCurrent: false })
        {
            // Lost, or not renewed for a whole lease (a frozen process): another replica may lead now; ask again.
            await StepDownAsync().ConfigureAwait(false);
        }

        if (held is null)
        {
            try
            {
                held = await HeldLease.TryTakeAsync(leases, Lease, time, logger, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLeaseFailed(ex);
            }

            if (held is not null)
            {
                LogLeading(leases.Owner);
            }
        }

        leadership.Leads = held is not null;
        return held is not null;
    }

    private async Task StepDownAsync()
    {
        leadership.Leads = false;
        if (Interlocked.Exchange(ref held, null) is { } lease)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Work} queued {Count} messages")]
    private partial void LogSent(int count, string work);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed to check what is due; trying again shortly")]
    private partial void LogFailed(Exception ex, string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica ({Replica}) leads the scheduler: it sends the reminders and escalation steps")]
    private partial void LogLeading(string replica);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not try for the scheduler's lease; trying again shortly")]
    private partial void LogLeaseFailed(Exception ex);
}
