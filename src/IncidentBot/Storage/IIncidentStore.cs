using IncidentBot.Incidents;
using IncidentBot.Slack;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// Incidents, their outbox and the audit log in one embedded database. Each write is one transaction (shared with
/// other writes queued at the same moment): an incident change and the Slack side effects it asks for are stored
/// together or not at all, and a write's task completes only once it is on disk.
/// </summary>
public partial interface IIncidentStore
{
    /// <summary>
    /// Declares a new incident: takes the next number (never handed out twice), builds the incident with it, and stores
    /// it with its outbox messages and audit entry, in one transaction.
    /// </summary>
    Task<Incident> InsertAsync(Func<IncidentId, IncidentDeclaration> build);

    /// <summary>
    /// Runs <paramref name="change"/> on the latest copy of the incident, writes serialised, and, if it asks to,
    /// stores the incident, its outbox messages and <paramref name="entry"/> in one transaction. Null when no such incident.
    /// </summary>
    Task<IncidentChange<T>?> UpdateAsync<T>(IncidentId id, AuditEntry entry, Func<Incident, IncidentChange<T>> change);

    Incident? Find(IncidentId id);

    Incident? FindByWarRoom(SlackChannelId channelId);

    /// <summary>Incidents open or awaiting close (not closed, cancelled or failed), newest first.</summary>
    IReadOnlyList<Incident> ListOpen();

    /// <summary>Everything the bot recorded of the incident, oldest first (scribe notes are in <see cref="INoteStore"/>).</summary>
    IReadOnlyList<TimelineEntry> Timeline(IncidentId id);

    /// <summary>Incidents declared in [<paramref name="since"/>, <paramref name="until"/>), drills included, oldest first.</summary>
    IReadOnlyList<Incident> DeclaredBetween(Instant since, Instant until);

    /// <summary>Stores outbox messages that belong to no incident change (a monthly review's upload) with their audit entry, in one transaction.</summary>
    Task EnqueueAsync(AuditEntry entry, params OutboxMessage[] messages);

    Task AuditAsync(AuditEntry entry);

    /// <summary>
    /// Records the audit entry of a command that changed nothing, without making the answer (or any change) wait for it:
    /// a task that completes once it is stored, or null when the store already holds as many such entries waiting as it
    /// allows; that one is shed (and counted in <c>/health</c>), since a flood of read-only commands must not grow memory.
    /// </summary>
    Task? TryAuditLater(AuditEntry entry);

    /// <summary>The audit entries <see cref="TryAuditLater"/> shed since start, because as many as the store allows were waiting.</summary>
    long AuditsShed { get; }

    IReadOnlyList<AuditEntry> AuditLog(IncidentId? incidentId);

    /// <summary>Pending outbox messages in the order they were decided.</summary>
    IReadOnlyList<OutboxMessage> PendingOutbox();

    /// <summary>The lanes with pending messages: just their incident and lane, not the messages' rendered text.</summary>
    IReadOnlyList<(IncidentId Incident, int Lane)> PendingLanes();

    /// <summary>The first <paramref name="max"/> pending outbox messages of one lane of an incident, in decision order.</summary>
    IReadOnlyList<OutboxMessage> PendingInLane(IncidentId incidentId, int lane, int max);

    /// <summary>Sets aside every pending outbox message of an incident as failed, with <paramref name="reason"/>.</summary>
    Task FailPendingAsync(IncidentId incidentId, string reason);

    /// <summary>
    /// Stores an outbox message's progress (attempts, state, error) and, when given, what it learnt about the war room,
    /// in one transaction. Only the war room is written, onto the latest copy of the incident, so a command committed
    /// while the Slack call was under way is kept.
    /// </summary>
    Task SaveOutboxAsync(OutboxMessage message, WarRoom? warRoom = null);

    /// <summary>
    /// Records what an outbox step learnt in Slack beyond the war room (where the incident was announced) onto the latest
    /// copy of the incident, in one transaction: no audit entry, since nobody changed the incident.
    /// </summary>
    Task LearnAsync(IncidentId id, Action<Incident> learnt);

    /// <summary>
    /// Hands each pending outbox message stored before typed payloads to <paramref name="upgrade"/> with the fields it had
    /// then, and stores the ones it upgraded in today's shape, in one transaction. Returns how many were upgraded.
    /// </summary>
    Task<int> UpgradeOutboxAsync(Func<OutboxMessage, OutboxMessageV1, bool> upgrade);

    /// <summary>Open incidents whose update is due at <paramref name="now"/> and whose reminders are on, in a created war room.</summary>
    IReadOnlyList<Incident> DueForReminder(Instant now);

    /// <summary>The earliest update due among open incidents with reminders on; null when there is none.</summary>
    Instant? NextReminderDue();
}
