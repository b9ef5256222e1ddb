using System.Collections.Concurrent;
using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Scheduling;

/// <summary>
/// Runs an <see cref="IDueWork"/>'s work one incident at a time, each on its own: work that throws for one incident (a
/// template, a bad document) is logged with the incident's id and tried again after a back-off (2 s doubling to
/// <see cref="MaxWait"/>), while every other incident's work goes on. The first failure in a row is an Error with its
/// stack; each repeat is one Warning line without it, so a failure that lasts hours does not fill the log with stacks. The back-off lives in memory: a restart tries at once.
/// </summary>
public sealed partial class DueWorkRetries(IClock clock, ILogger<DueWorkRetries> logger)
{
    public static readonly Duration MaxWait = Duration.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Work, IncidentId Incident), (int Failures, Instant RetryAt)> failing = new();

    /// <summary>Runs <paramref name="send"/> for each of <paramref name="due"/> not backing off; returns the sum of what they queued.</summary>
    public async Task<int> EachAsync(string work, IEnumerable<Incident> due, Func<Incident, Task<int>> send)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(send);
        var sent = 0;
        foreach (var incident in due)
        {
            var key = (work, incident.Id);
            var now = clock.GetCurrentInstant();
            failing.TryGetValue(key, out var before);
            if (before.RetryAt > now)
            {
                continue;
            }

            try
            {
                sent += await send(incident).ConfigureAwait(false);
                failing.TryRemove(key, out _);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var failures = before.Failures + 1;
                var wait = Duration.FromSeconds(Math.Min(MaxWait.TotalSeconds, 1 << Math.Min(failures, 9)));
                failing[key] = (failures, now + wait);
                if (failures == 1)
                {
                    LogFailed(ex, work, incident.Id, wait.TotalSeconds);
                }
                else
                {
                    LogStillFailing(work, incident.Id, failures, ex.Message, wait.TotalSeconds);
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// When <paramref name="work"/> should look next, given the earliest <paramref name="due"/> time of its incidents: a time
    /// already past belongs to an incident backing off (the others were just served), so the next look is its retry.
    /// </summary>
    public Instant? Next(string work, Instant? due)
    {
        if (due is not { } at || at > clock.GetCurrentInstant())
        {
            return due;
        }

        Instant? retry = null;
        foreach (var ((name, _), (_, retryAt)) in failing)
        {
            retry = name == work && (retry is null || retryAt < retry) ? retryAt : retry;
        }

        return retry ?? due;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed for incident {Incident}; other incidents go on, and it is tried again in {Seconds}s")]
    private partial void LogFailed(Exception ex, string work, IncidentId incident, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed again for incident {Incident} ({Failures} in a row: {Error}); tried again in {Seconds}s")]
    private partial void LogStillFailing(string work, IncidentId incident, int failures, string error, double seconds);
}
