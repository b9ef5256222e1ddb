using System.Collections.Concurrent;
using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>
/// What the stores announce after a commit: new outbox messages (and which lanes they joined), or a changed incident
/// (its reminder may have moved).
/// </summary>
public sealed class StoreSignals
{
    private readonly ConcurrentDictionary<(IncidentId Incident, int Lane), byte> lanesWithNews = new();

    public Signal Outbox { get; } = new();

    public Signal Incidents { get; } = new();

    /// <summary>After a commit that added <paramref name="messages"/>: notes their lanes, then wakes the outbox.</summary>
    public void Added(IEnumerable<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var any = false;
        foreach (var message in messages)
        {
            lanesWithNews.TryAdd((message.IncidentId, message.Lane), 0);
            any = true;
        }

        if (any)
        {
            Outbox.Notify();
        }
    }

    /// <summary>The lanes that got messages since the last call, so the outbox need not scan everything pending.</summary>
    public IReadOnlyList<(IncidentId Incident, int Lane)> TakeLanesWithNews()
    {
        var taken = new List<(IncidentId Incident, int Lane)>();
        foreach (var lane in lanesWithNews.Keys)
        {
            if (lanesWithNews.TryRemove(lane, out _))
            {
                taken.Add(lane);
            }
        }

        return taken;
    }
}
