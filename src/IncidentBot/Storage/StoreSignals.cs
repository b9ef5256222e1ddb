using System.Collections.Concurrent;
using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>
/// What the stores announce after a commit: new outbox messages (and which lanes they joined), or a changed incident
/// (its reminder may have moved). With a <see cref="IStoreSignalRelay"/> (PostgreSQL), each is told to the other
/// replicas too, and what they tell arrives through <see cref="HeardIncidents"/> and <see cref="HeardOutbox"/>.
/// </summary>
public sealed class StoreSignals
{
    private readonly ConcurrentDictionary<(IncidentId Incident, int Lane), byte> lanesWithNews = new();
    private readonly IStoreSignalRelay? relay;

    public StoreSignals()
        : this(null)
    {
    }

    public StoreSignals(IStoreSignalRelay? relay)
    {
        this.relay = relay;
        Outbox = new Signal(relay is null ? null : () => relay.OutboxAdded([]));
        Incidents = new Signal(relay is null ? null : relay.IncidentsChanged);
    }

    public Signal Outbox { get; }

    public Signal Incidents { get; }

    /// <summary>After a commit that added <paramref name="messages"/>: notes their lanes, then wakes the outbox.</summary>
    public void Added(IEnumerable<OutboxMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var lanes = new HashSet<(IncidentId Incident, int Lane)>();
        foreach (var message in messages)
        {
            lanes.Add((message.IncidentId, message.Lane));
        }

        if (lanes.Count > 0)
        {
            HeardOutbox(lanes);
            relay?.OutboxAdded(lanes);
        }
    }

    /// <summary>Another replica changed an incident: wakes this one's loops, without telling the others again.</summary>
    public void HeardIncidents() => Incidents.NotifyHere();

    /// <summary>Another replica added outbox messages to <paramref name="lanes"/>: notes them and wakes this one's outbox.</summary>
    public void HeardOutbox(IEnumerable<(IncidentId Incident, int Lane)> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        foreach (var lane in lanes)
        {
            lanesWithNews.TryAdd(lane, 0);
        }

        Outbox.NotifyHere();
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
