using IncidentBot.Incidents;
using IncidentBot.Outbox;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// Incidents, their outbox and the audit log in one embedded database. Writes are serialised and each is one
/// transaction: an incident change and the Slack side effects it asks for are stored together or not at all.
/// </summary>
public interface IIncidentStore
{
    /// <summary>Takes the next incident number; it is never handed out twice, even if the declaration then fails.</summary>
    IncidentId ReserveId();

    /// <summary>Stores a new incident with its outbox messages and audit entry, in one transaction.</summary>
    void Insert(Incident incident, IReadOnlyList<OutboxMessage> messages, AuditEntry entry);

    /// <summary>
    /// Runs <paramref name="change"/> on the latest copy of the incident under the write lock, and, if it asks to,
    /// stores the incident, its outbox messages and <paramref name="entry"/> in one transaction. Null when no such incident.
    /// </summary>
    IncidentChange<T>? Update<T>(IncidentId id, AuditEntry entry, Func<Incident, IncidentChange<T>> change);

    Incident? Find(IncidentId id);

    Incident? FindByWarRoom(string channelId);

    /// <summary>Incidents not yet closed, newest first.</summary>
    IReadOnlyList<Incident> ListOpen();

    void Audit(AuditEntry entry);

    IReadOnlyList<AuditEntry> AuditLog(int? incidentId);

    /// <summary>Pending outbox messages in the order they were decided.</summary>
    IReadOnlyList<OutboxMessage> PendingOutbox();

    /// <summary>The first <paramref name="max"/> pending outbox messages of one lane of an incident, in decision order.</summary>
    IReadOnlyList<OutboxMessage> PendingInLane(int incidentId, int lane, int max);

    /// <summary>Sets aside every pending outbox message of an incident as failed, with <paramref name="reason"/>.</summary>
    void FailPending(int incidentId, string reason);

    /// <summary>
    /// Stores an outbox message's progress (attempts, state, error) and, when given, what it learnt about the war room,
    /// in one transaction. Only the war room is written, onto the latest copy of the incident, so a command committed
    /// while the Slack call was under way is kept.
    /// </summary>
    void SaveOutbox(OutboxMessage message, WarRoom? warRoom = null);

    /// <summary>Open incidents whose update is due at <paramref name="now"/> and whose reminders are on, in a created war room.</summary>
    IReadOnlyList<Incident> DueForReminder(Instant now);

    /// <summary>The earliest update due among open incidents with reminders on; null when there is none.</summary>
    Instant? NextReminderDue();
}
