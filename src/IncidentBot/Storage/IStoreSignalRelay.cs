using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>
/// Carries <see cref="StoreSignals"/> to the other replicas of one database, so a commit on one wakes the loops of all
/// (the leader's scheduler, whichever outbox may take the lane). Called after the local signal, on the committing thread:
/// it must only queue.
/// </summary>
public interface IStoreSignalRelay
{
    /// <summary>An incident changed.</summary>
    void IncidentsChanged();

    /// <summary>Outbox messages joined <paramref name="lanes"/> (none named: look at what is pending).</summary>
    void OutboxAdded(IReadOnlyCollection<(IncidentId Incident, int Lane)> lanes);
}
