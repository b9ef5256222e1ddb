using IncidentBot.Incidents;
using IncidentBot.Outbox;
using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// <see cref="IIncidentStore"/> on LiteDB. Every write goes through the <see cref="GroupCommitter"/>, one writer, so each
/// read-modify-write is atomic without a lock, and a burst of writes shares one flush to disk.
/// </summary>
public sealed class LiteDbIncidentStore : IIncidentStore
{
    private readonly ILiteCollection<Incident> incidents;
    private readonly ILiteCollection<OutboxMessage> outbox;
    private readonly ILiteCollection<AuditEntry> audit;
    private readonly ILiteCollection<BsonDocument> counters;
    private readonly GroupCommitter writer;
    private readonly StoreSignals signals;

    public LiteDbIncidentStore(LiteDatabase database, GroupCommitter writer, StoreSignals signals)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.writer = writer;
        this.signals = signals;
        incidents = database.GetCollection<Incident>("incidents");
        outbox = database.GetCollection<OutboxMessage>("outbox", BsonAutoId.Int64);
        audit = database.GetCollection<AuditEntry>("audit", BsonAutoId.Int64);
        counters = database.GetCollection("counters");
        incidents.EnsureIndex(i => i.WarRoom.ChannelId);
        incidents.EnsureIndex(i => i.Status);
        incidents.EnsureIndex(i => i.NextUpdateDue);
        incidents.EnsureIndex(i => i.DeclaredAt);
        outbox.EnsureIndex(m => m.State);
        outbox.EnsureIndex(m => m.IncidentId);
        audit.EnsureIndex(a => a.IncidentId);
    }

    public async Task<Incident> InsertAsync(Func<IncidentId, IncidentDeclaration> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var declaration = await writer.WriteAsync(() =>
        {
            var counter = counters.FindById("incident") ?? new BsonDocument { ["_id"] = "incident", ["next"] = 1 };
            var id = new IncidentId(counter["next"].AsInt32);
            counter["next"] = id.Value + 1;
            counters.Upsert(counter);
            var built = build(id);
            incidents.Insert(built.Incident);
            outbox.InsertBulk(built.Outbox);
            audit.Insert(built.Audit);
            return built;
        }).ConfigureAwait(false);
        Notify(declaration.Outbox.Count, incidentChanged: true);
        return declaration.Incident;
    }

    public async Task<IncidentChange<T>?> UpdateAsync<T>(IncidentId id, AuditEntry entry, Func<Incident, IncidentChange<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        var result = await writer.WriteAsync(() =>
        {
            var incident = incidents.FindById(id.Value);
            if (incident is null)
            {
                return null;
            }

            var decided = change(incident);
            if (decided.Commit)
            {
                incidents.Update(incident);
                outbox.InsertBulk(decided.Outbox);
            }

            audit.Insert(entry);
            return decided;
        }).ConfigureAwait(false);
        if (result is not null)
        {
            Notify(result.Outbox.Count, result.Commit);
        }

        return result;
    }

    public Incident? Find(IncidentId id) => incidents.FindById(id.Value);

    public Incident? FindByWarRoom(string channelId) => incidents.FindOne(i => i.WarRoom.ChannelId == channelId);

    public IReadOnlyList<Incident> ListOpen() =>
        incidents.Find(Query.Not("Status", nameof(IncidentStatus.Closed))).OrderByDescending(i => i.Id.Value).ToList();

    public IReadOnlyList<Incident> DeclaredBetween(Instant since, Instant until) =>
        incidents.Find(Query.And(
                Query.GTE(nameof(Incident.DeclaredAt), since.ToUnixTimeMilliseconds()),
                Query.LT(nameof(Incident.DeclaredAt), until.ToUnixTimeMilliseconds())))
            .OrderBy(i => i.DeclaredAt)
            .ThenBy(i => i.Id.Value)
            .ToList();

    public async Task EnqueueAsync(AuditEntry entry, params OutboxMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await writer.WriteAsync(() =>
        {
            outbox.InsertBulk(messages);
            audit.Insert(entry);
            return true;
        }).ConfigureAwait(false);
        Notify(messages.Length, incidentChanged: false);
    }

    public Task AuditAsync(AuditEntry entry) => writer.WriteAsync(() => audit.Insert(entry));

    public IReadOnlyList<AuditEntry> AuditLog(int? incidentId) =>
        (incidentId is null ? audit.FindAll() : audit.Find(a => a.IncidentId == incidentId)).OrderBy(a => a.Id).ToList();

    public IReadOnlyList<OutboxMessage> PendingOutbox() =>
        outbox.Find(m => m.State == OutboxState.Pending).OrderBy(m => m.Id).ToList();

    public IReadOnlyList<OutboxMessage> PendingInLane(int incidentId, int lane, int max) =>
        outbox.Query().Where(m => m.IncidentId == incidentId && m.State == OutboxState.Pending && m.Lane == lane).OrderBy(m => m.Id).Limit(max).ToList();

    public Task FailPendingAsync(int incidentId, string reason) => writer.WriteAsync(() =>
    {
        foreach (var message in outbox.Find(m => m.IncidentId == incidentId && m.State == OutboxState.Pending).ToList())
        {
            message.State = OutboxState.Failed;
            message.Error = reason;
            outbox.Update(message);
        }

        return true;
    });

    public Task SaveOutboxAsync(OutboxMessage message, WarRoom? warRoom = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return writer.WriteAsync(() =>
        {
            outbox.Update(message);
            if (warRoom is not null && incidents.FindById(message.IncidentId) is { } latest)
            {
                latest.UseWarRoom(warRoom);
                incidents.Update(latest);
            }

            return true;
        });
    }

    public IReadOnlyList<Incident> DueForReminder(Instant now) =>
        incidents.Find(Query.LTE(nameof(Incident.NextUpdateDue), now.ToUnixTimeMilliseconds()))
            .Where(i => i.IsOpen && !i.RemindersStopped && i.WarRoom.ChannelId is not null)
            .ToList();

    public Instant? NextReminderDue() =>
        incidents.Find(Query.Not(nameof(Incident.NextUpdateDue), BsonValue.Null))
            .Where(i => i.IsOpen && !i.RemindersStopped && i.WarRoom.ChannelId is not null)
            .Select(i => i.NextUpdateDue)
            .Min();

    private void Notify(int added, bool incidentChanged)
    {
        if (added > 0)
        {
            signals.Outbox.Notify();
        }

        if (incidentChanged)
        {
            signals.Incidents.Notify();
        }
    }
}
