using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Retention;

/// <summary>
/// Prunes what the bot no longer needs (see <see cref="RetentionOptions"/>) every <see cref="RetentionOptions.Every"/>,
/// as scheduled work, so on PostgreSQL only the leading replica does it. Each batch is one short transaction; a turn
/// runs at most <see cref="RetentionOptions.BatchesPerTurn"/> of them and leaves the rest for the next turn a moment
/// later, so reminders and escalations due meanwhile are not held up. Pending outbox messages and open incidents'
/// message copies are never touched. After a run that removed something the store is compacted (a LiteDB checkpoint);
/// what the run freed in the C heap goes back to the system on the trimmer's next round (<see cref="NativeHeapTrimmer"/>).
/// </summary>
public sealed partial class RetentionWork(
    IIncidentStore incidents,
    INoteStore notes,
    PostmortemUploadStore uploads,
    IClock clock,
    IOptions<RetentionOptions> options,
    ILogger<RetentionWork> logger) : IDueWork
{
    private readonly RetentionOptions settings = options.Value;

    /// <summary>When the next run is due; null until the first, which runs at start.</summary>
    private Instant? next;

    /// <summary>Every incident declared before this has its message copies settled (pruned, or it never had a war room).</summary>
    private Instant settledBefore = Instant.FromUnixTimeSeconds(0);

    private Pruned pruned;

    /// <summary>The sizes left after the last completed run: rows pruned then, and the data file (LiteDB).</summary>
    public RetentionRun? LastRun { get; private set; }

    public async Task<int> SendDueAsync()
    {
        var now = clock.GetCurrentInstant();
        if (next is { } due && now < due)
        {
            return 0;
        }

        var budget = settings.BatchesPerTurn;
        var finished =
            await DrainAsync(() => incidents.PruneOutboxAsync(OutboxState.Done, now - Duration.FromTimeSpan(settings.DeliveredOutbox), settings.BatchSize), n => pruned.Outbox += n) &&
            await DrainAsync(() => incidents.PruneOutboxAsync(OutboxState.Failed, now - Duration.FromTimeSpan(settings.FailedOutbox), settings.BatchSize), n => pruned.Outbox += n) &&
            await DrainAsync(() => incidents.PruneAuditAsync(now - Duration.FromTimeSpan(settings.Audit), settings.BatchSize), n => pruned.Audit += n) &&
            await PruneCopiesAsync(now);

        // Not finished: the rest is due at once, after the scheduler's other work had its turn.
        next = finished ? now + Duration.FromTimeSpan(settings.Every) : now;
        if (finished)
        {
            // Only a run that removed something leaves the file anything to compact; an idle bot's file is left as it is.
            // A run that removed nothing says nothing: an idle bot's log stays quiet.
            var removedAny = pruned.Outbox + pruned.Audit + pruned.Copies > 0;
            var size = removedAny ? await incidents.CompactAsync().ConfigureAwait(false) : null;
            LastRun = new RetentionRun(now, pruned.Outbox, pruned.Audit, pruned.Copies, size);
            if (size is { } bytes)
            {
                LogPrunedAndCompacted(pruned.Outbox, pruned.Audit, pruned.Copies, bytes);
            }
            else if (removedAny)
            {
                LogPruned(pruned.Outbox, pruned.Audit, pruned.Copies);
            }

            pruned = default;
        }

        return 0;

        async Task<bool> DrainAsync(Func<Task<int>> batch, Action<int> count)
        {
            while (budget > 0)
            {
                budget--;
                var removed = await batch().ConfigureAwait(false);
                count(removed);
                if (removed < settings.BatchSize)
                {
                    return true;
                }
            }

            return false;
        }

        async Task<bool> PruneCopiesAsync(Instant now)
        {
            var unsettled = incidents.DeclaredBetween(settledBefore, now + Duration.Epsilon);
            var shared = uploads.SharedAmong(unsettled.Where(i => i.Status == IncidentStatus.Closed && i.WarRoom.ChannelId is not null).Select(i => i.Id));
            Instant? firstUnsettled = null;
            foreach (var incident in unsettled)
            {
                var settled = incident.WarRoom.ChannelId is not { } channel
                    || (CopiesExpired(incident, shared, now) && await DrainAsync(() => notes.PruneMessagesAsync(new SlackChannelId(channel), settings.BatchSize), n => pruned.Copies += n));
                if (!settled)
                {
                    firstUnsettled ??= incident.DeclaredAt;
                }
            }

            settledBefore = firstUnsettled ?? now;
            return budget > 0 || firstUnsettled is null;
        }
    }

    public Instant? NextDue() => next ?? clock.GetCurrentInstant();

    /// <summary>Closed with its post-mortem shared, or ended (closed, cancelled, failed) longer ago than the setting.</summary>
    private bool CopiesExpired(Incident incident, IReadOnlySet<IncidentId> shared, Instant now) =>
        IncidentLifecycle.IsFinal(incident.Status)
        && ((incident.Status == IncidentStatus.Closed && shared.Contains(incident.Id))
            || (incident.ClosedAt ?? incident.EndedAt ?? incident.DeclaredAt) + Duration.FromTimeSpan(settings.MessageCopiesAfterClose) <= now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pruned {Outbox} outbox messages, {Audit} audit entries and {Copies} message copies; data file {Bytes} bytes")]
    private partial void LogPrunedAndCompacted(int outbox, int audit, int copies, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention pruned {Outbox} outbox messages, {Audit} audit entries and {Copies} message copies")]
    private partial void LogPruned(int outbox, int audit, int copies);

    private struct Pruned
    {
        public int Outbox;
        public int Audit;
        public int Copies;
    }
}
