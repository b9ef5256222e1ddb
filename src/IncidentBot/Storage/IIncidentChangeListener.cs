using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>
/// Learns of every committed incident change (its new timeline entries) inside the same transaction, and may add outbox
/// messages to it: outgoing webhooks and pager resolutions follow every change, whichever command or button made it.
/// </summary>
public interface IIncidentChangeListener
{
    IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added);
}
