using System.Collections.Concurrent;
using NodaTime;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Event ids seen in the last hour, in memory. Slack retries an event within minutes, so an hour is plenty; after a
/// restart a retry may pass once more, which every event handler tolerates (each is idempotent: a note is keyed by
/// its message, a cached message by its ts). Keeping this out of the database saves a disk commit per event in a burst.
/// </summary>
public sealed class RecentEventIds(IClock clock) : IEventDeduplicator
{
    private static readonly Duration Keep = Duration.FromHours(1);
    private readonly ConcurrentDictionary<string, Instant> seen = new(StringComparer.Ordinal);
    private long recorded;

    public bool TryRecord(string eventId)
    {
        var now = clock.GetCurrentInstant();
        if (!seen.TryAdd(eventId, now))
        {
            return false;
        }

        if (Interlocked.Increment(ref recorded) % 1000 == 0)
        {
            foreach (var old in seen.Where(e => now - e.Value > Keep))
            {
                seen.TryRemove(old.Key, out _);
            }
        }

        return true;
    }
}
