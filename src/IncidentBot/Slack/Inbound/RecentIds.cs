using System.Collections.Concurrent;
using NodaTime;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Keeps a map of recently seen delivery ids bounded: entries older than the window go, and beyond
/// <see cref="MaxKept"/> the oldest finished ones go too, so a flood of signed deliveries costs bounded memory
/// rather than an hour's worth of them. A retry Slack sends within minutes still finds its id.
/// </summary>
internal static class RecentIds
{
    /// <summary>At most this many ids are kept (about 50 MB at worst); under a normal hour's traffic it is never reached.</summary>
    internal const int MaxKept = 100_000;

    public static void Trim<T>(ConcurrentDictionary<string, T> ids, Instant now, Duration keep, Func<T, Instant> at, Func<T, bool> finished)
    {
        foreach (var old in ids.Where(e => finished(e.Value) && now - at(e.Value) > keep))
        {
            ids.TryRemove(old);
        }

        var over = ids.Count - MaxKept;
        if (over <= 0)
        {
            return;
        }

        // A quarter of the room is freed at once, so a flood trims once every so often rather than on every id.
        foreach (var oldest in ids.Where(e => finished(e.Value)).OrderBy(e => at(e.Value)).Take(over + (MaxKept / 4)).ToList())
        {
            ids.TryRemove(oldest);
        }
    }
}
