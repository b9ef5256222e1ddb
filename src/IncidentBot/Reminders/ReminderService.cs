using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Reminders;

/// <summary>
/// Sleeps until the earliest update due time stored in LiteDB, or until an incident changes, then lets
/// <see cref="ReminderPolicy"/> send what is due. Due times live in the database, not in timers, so a restart loses none.
/// </summary>
public sealed partial class ReminderService(ReminderPolicy policy, IIncidentStore store, StoreSignals signals, IClock clock, ILogger<ReminderService> logger) : BackgroundService
{
    /// <summary>Looks again at least this often, so a clock change or a missed signal costs at most this long.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    /// <summary>Never spins: a due time that could not be served (the database failed) is looked at again after this.</summary>
    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Task changed = signals.Incidents.Next;
            try
            {
                var sent = await policy.SendDueAsync().ConfigureAwait(false);
                if (sent > 0)
                {
                    LogSent(sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            var next = store.NextReminderDue();
            var sleep = next is { } due ? (due - clock.GetCurrentInstant()).ToTimeSpan() : MaxSleep;
            sleep = sleep < MinSleep ? MinSleep : sleep > MaxSleep ? MaxSleep : sleep;
            await changed.WaitAsync(sleep, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} update reminders")]
    private partial void LogSent(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking for due update reminders failed; trying again shortly")]
    private partial void LogFailed(Exception ex);
}
