using IncidentBot.Incidents;
using IncidentBot.Outbox;
using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary><see cref="IIncidentStore"/> on LiteDB. One lock serialises writes, so each read-modify-write is atomic.</summary>
public sealed class LiteDbIncidentStore : IIncidentStore
{
    private readonly LiteDatabase database;
    private readonly ILiteCollection<Incident> incidents;
    private readonly ILiteCollection<OutboxMessage> outbox;
    private readonly ILiteCollection<AuditEntry> audit;
    private readonly ILiteCollection<BsonDocument> counters;
    private readonly Lock gate = new();

    private readonly StoreSignals signals;

    public LiteDbIncidentStore(LiteDatabase database, StoreSignals signals)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.signals = signals;
        incidents = database.GetCollection<Incident>("incidents");
        outbox = database.GetCollection<OutboxMessage>("outbox", BsonAutoId.Int64);
        audit = database.GetCollection<AuditEntry>("audit", BsonAutoId.Int64);
        counters = database.GetCollection("counters");
        incidents.EnsureIndex(i => i.WarRoom.ChannelId);
        incidents.EnsureIndex(i => i.Status);
        incidents.EnsureIndex(i => i.NextUpdateDue);
        outbox.EnsureIndex(m => m.State);
        outbox.EnsureIndex(m => m.IncidentId);
        audit.EnsureIndex(a => a.IncidentId);
    }

    public IncidentId ReserveId()
    {
        lock (gate)
        {
            var doc = counters.FindById("incident") ?? new BsonDocument { ["_id"] = "incident", ["next"] = 1 };
            var next = doc["next"].AsInt32;
            doc["next"] = next + 1;
            counters.Upsert(doc);
            return new IncidentId(next);
        }
    }

    public void Insert(Incident incident, IReadOnlyList<OutboxMessage> messages, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(messages);
        lock (gate)
        {
            InTransaction(() =>
            {
                incidents.Insert(incident);
                outbox.InsertBulk(messages);
                audit.Insert(entry);
            });
        }

        Notify(messages.Count, incidentChanged: true);
    }

    public IncidentChange<T>? Update<T>(IncidentId id, AuditEntry entry, Func<Incident, IncidentChange<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        IncidentChange<T> result;
        lock (gate)
        {
            var incident = incidents.FindById(id.Value);
            if (incident is null)
            {
                return null;
            }

            result = change(incident);
            InTransaction(() =>
            {
                if (result.Commit)
                {
                    incidents.Update(incident);
                    outbox.InsertBulk(result.Outbox);
                }

                audit.Insert(entry);
            });
        }

        Notify(result.Outbox.Count, result.Commit);
        return result;
    }

    public Incident? Find(IncidentId id) => incidents.FindById(id.Value);

    public Incident? FindByWarRoom(string channelId) => incidents.FindOne(i => i.WarRoom.ChannelId == channelId);

    public IReadOnlyList<Incident> ListOpen() =>
        incidents.Find(Query.Not("Status", nameof(IncidentStatus.Closed))).OrderByDescending(i => i.Id.Value).ToList();

    public void Audit(AuditEntry entry)
    {
        lock (gate)
        {
            audit.Insert(entry);
        }
    }

    public IReadOnlyList<AuditEntry> AuditLog(int? incidentId) =>
        (incidentId is null ? audit.FindAll() : audit.Find(a => a.IncidentId == incidentId)).OrderBy(a => a.Id).ToList();

    public IReadOnlyList<OutboxMessage> PendingOutbox() =>
        outbox.Find(m => m.State == OutboxState.Pending).OrderBy(m => m.Id).ToList();

    public IReadOnlyList<OutboxMessage> PendingInLane(int incidentId, int lane, int max) =>
        outbox.Query().Where(m => m.IncidentId == incidentId && m.State == OutboxState.Pending && m.Lane == lane).OrderBy(m => m.Id).Limit(max).ToList();

    public void FailPending(int incidentId, string reason)
    {
        lock (gate)
        {
            InTransaction(() =>
            {
                foreach (var message in outbox.Find(m => m.IncidentId == incidentId && m.State == OutboxState.Pending).ToList())
                {
                    message.State = OutboxState.Failed;
                    message.Error = reason;
                    outbox.Update(message);
                }
            });
        }
    }

    public void SaveOutbox(OutboxMessage message, WarRoom? warRoom = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            InTransaction(() =>
            {
                outbox.Update(message);
                if (warRoom is not null && incidents.FindById(message.IncidentId) is { } latest)
                {
                    latest.UseWarRoom(warRoom);
                    incidents.Update(latest);
                }
            });
        }
    }

    private void InTransaction(Action work)
    {
        database.BeginTrans();
        try
        {
            work();
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
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
