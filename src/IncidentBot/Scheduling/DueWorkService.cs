using IncidentBot.Incidents;
using IncidentBot.Observability;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Scheduling;

/// <summary>
/// Sleeps until the earliest due time stored in LiteDB (an update reminder, an escalation step), or until an incident
/// changes, then lets each <see cref="IDueWork"/> send what is due. Due times live in the database, not in timers, so a
/// restart loses none. It waits on <see cref="TimeKey"/>'s <see cref="TimeProvider"/> (the registered one unless keyed apart), so a test moves time
/// and wakes it instead of sleeping.
/// </summary>
public sealed partial class DueWorkService(
    IEnumerable<IDueWork> work,
    StoreSignals signals,
    IClock clock,
    [FromKeyedServices(DueWorkService.TimeKey)] TimeProvider time,
    BotTelemetry telemetry,
    ILogger<DueWorkService> logger) : BackgroundService
{
    /// <summary>The user of the audit entries that scheduled work writes.</summary>
    public static readonly ResponderId SystemActor = new("IncidentBot");

    /// <summary>The key of the <see cref="TimeProvider"/> the scheduler sleeps on.</summary>
    public const string TimeKey = "reminders";

    /// <summary>Looks again at least this often, so a clock change or a missed signal costs at most this long.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>Never spins: a due time that could not be served (the database failed) is looked at again after this.</summary>
    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task changed = signals.Incidents.Next;
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

            var sleep = next is { } due ? (due - clock.GetCurrentInstant()).ToTimeSpan() : MaxSleep;
            sleep = sleep < MinSleep ? MinSleep : sleep > MaxSleep ? MaxSleep : sleep;
            await changed.WaitAsync(sleep, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Work} queued {Count} messages")]
    private partial void LogSent(int count, string work);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed to check what is due; trying again shortly")]
    private partial void LogFailed(Exception ex, string work);
}
