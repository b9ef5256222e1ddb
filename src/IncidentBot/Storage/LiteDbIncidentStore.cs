using IncidentBot.Incidents;
using IncidentBot.Slack;
using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// <see cref="IIncidentStore"/> on LiteDB. Every write goes through the <see cref="GroupCommitter"/>, one writer, so each
/// read-modify-write is atomic without a lock, and a burst of writes shares one flush to disk.
/// </summary>
public sealed partial class LiteDbIncidentStore : IIncidentStore
{
    private static readonly BsonValue[] NotFinal =
        [.. Enum.GetValues<IncidentStatus>().Where(s => !IncidentLifecycle.IsFinal(s)).Select(s => new BsonValue(s.ToString()))];

    private readonly ILiteCollection<Incident> incidents;
    private readonly ILiteCollection<OutboxMessage> outbox;
    private readonly ILiteCollection<BsonDocument> rawOutbox;
    private readonly ILiteCollection<AuditEntry> audit;
    private readonly ILiteCollection<BsonDocument> counters;
    private readonly ILiteCollection<BsonDocument> timeline;
    private readonly BsonMapper mapper;
    private readonly GroupCommitter writer;
    private readonly StoreSignals signals;

    // Bumped after each commit that changed an incident, once its id is in changedSince; see ListOpen.
    private long incidentVersion;
    private OpenIncidents? open;
    private readonly HashSet<int> changedSince = [];
    private bool readAll;
    private readonly Lock reading = new();
    private readonly IReadOnlyList<IIncidentChangeListener> listeners;

    public LiteDbIncidentStore(LiteDatabase database, GroupCommitter writer, StoreSignals signals, IEnumerable<IIncidentChangeListener>? listeners = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.writer = writer;
        this.signals = signals;
        this.listeners = listeners?.ToList() ?? [];
        incidents = database.GetCollection<Incident>("incidents");
        outbox = database.GetCollection<OutboxMessage>("outbox", BsonAutoId.Int64);
        rawOutbox = database.GetCollection("outbox", BsonAutoId.Int64);
        audit = database.GetCollection<AuditEntry>("audit", BsonAutoId.Int64);
        counters = database.GetCollection("counters");
        timeline = database.GetCollection("timeline", BsonAutoId.Int64);
        mapper = database.Mapper;

        // On the writer, like every write: an index created (or a collection added) beside it could share its free pages.
        writer.WriteAsync(() =>
        {
            incidents.EnsureIndex(i => i.WarRoom.ChannelId);
            incidents.EnsureIndex(i => i.Status);
            incidents.EnsureIndex(i => i.DeclaredAt);
            outbox.EnsureIndex(m => m.State);
            outbox.EnsureIndex("PendingLane", PendingLane);
            audit.EnsureIndex(a => a.IncidentId);
            timeline.EnsureIndex("incident");

            // Indexes no read seeks any more, which every change kept up to date for nothing: the reminders' due time
            // (they are read from the open incidents) and the outbox's incident (a lane's pending messages are).
            incidents.DropIndex(nameof(Incident.NextUpdateDue));
            outbox.DropIndex(nameof(OutboxMessage.IncidentId));
            MoveEmbeddedTimelines(database);
            return true;
        }).GetAwaiter().GetResult();
    }

    public async Task<Incident> InsertAsync(Func<IncidentId, IncidentDeclaration> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var declaration = await ChangingAsync(() =>
        {
            var counter = counters.ById("incident") ?? new BsonDocument { ["_id"] = "incident", ["next"] = 1 };
            var id = new IncidentId(counter["next"].AsInt32);
            counter["next"] = id.Value + 1;
            counters.Upsert(counter);
            var built = build(id);
            incidents.Insert(built.Incident);
            List<OutboxMessage> added = [.. built.Outbox, .. Heard(built.Incident, built.Incident.Recorded)];
            SaveRecorded(built.Incident);
            outbox.InsertBulk(added);
            audit.Insert(built.Audit);
            return (built.Incident, Added: added);
        }).ConfigureAwait(false);
        Notify(declaration.Added, declaration.Incident.Id);
        return declaration.Incident;
    }

    public async Task<IncidentChange<T>?> UpdateAsync<T>(IncidentId id, AuditEntry entry, Func<Incident, IncidentChange<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        var result = await ChangingAsync(() =>
        {
            var incident = incidents.ById(id.Value);
            if (incident is null)
            {
                return (Decided: (IncidentChange<T>?)null, Added: (List<OutboxMessage>)[]);
            }

            var decided = change(incident);
            List<OutboxMessage> added = [];
            if (decided.Commit)
            {
                incidents.Update(incident);
                added = [.. decided.Outbox, .. Heard(incident, incident.Recorded)];
                SaveRecorded(incident);
                outbox.InsertBulk(added);
            }
            else if (decided.Outbox.Count > 0)
            {
                added = [.. decided.Outbox];
                outbox.InsertBulk(added);
            }

            audit.Insert(decided.Outcome is { } outcome ? entry.WithOutcome(outcome) : entry);
            return (Decided: (IncidentChange<T>?)decided, Added: added);
        }).ConfigureAwait(false);
        if (result.Decided is not null)
        {
            Notify(result.Added, result.Decided.Commit ? id : null);
        }

        return result.Decided;
    }

    public Incident? Find(IncidentId id) =>
        LiteDbLimits.Read(() => incidents.ById(id.Value));

    public Incident? FindByWarRoom(SlackChannelId channelId) =>
        LiteDbLimits.Read(() => incidents.Where("$.WarRoom.ChannelId = @0", channelId.Value).FirstOrDefault());

    /// <summary>
    /// The open incidents, newest first. Read once per change and shared until the next one: list, the escalation and
    /// reminder loops and the metrics ask far more often than incidents change. After a change only the incidents it
    /// touched are read again (the scheduler asks after every change, and reading every open incident each time was
    /// about a twelfth of what a change allocated). Callers only read the copies.
    /// </summary>
    public IReadOnlyList<Incident> ListOpen()
    {
        var version = Interlocked.Read(ref incidentVersion);
        if (Volatile.Read(ref open) is { } copy && copy.Version == version)
        {
            return copy.Incidents;
        }

        lock (reading)
        {
            version = Interlocked.Read(ref incidentVersion);
            var previous = Volatile.Read(ref open);
            if (previous is not null && previous.Version == version)
            {
                return previous.Incidents;
            }

            // Taken after the version: an id added later comes with a later version, so it is read on the next call.
            int[] changed;
            bool all;
            lock (changedSince)
            {
                changed = [.. changedSince];
                changedSince.Clear();
                all = readAll || previous is null;
                readAll = false;
            }

            List<Incident> read;
            try
            {
                read = all ? ReadOpen() : WithLatest(previous!.Incidents, changed);
            }
            catch
            {
                // The ids taken were not read: the next call reads every open incident instead.
                ReadAllNext();
                throw;
            }

            // Kept under the version read before it: a change committed meanwhile bumps the version, so this copy is
            // never taken for newer than it is.
            Volatile.Write(ref open, new OpenIncidents(version, read));
            return read;
        }
    }

    // Seeks the status index for each status not yet final, rather than walking every closed incident of the past years.
    private List<Incident> ReadOpen() =>
        LiteDbLimits.Read(() => incidents.Find(Query.In(nameof(Incident.Status), NotFinal)).OrderByDescending(i => i.Id.Value).ToList());

    /// <summary><paramref name="open"/> with each of <paramref name="changed"/> as it is now: added if it is new, gone if it ended.</summary>
    private List<Incident> WithLatest(IReadOnlyList<Incident> open, int[] changed)
    {
        var byId = open.ToDictionary(i => i.Id.Value);
        LiteDbLimits.Read(() =>
        {
            foreach (var id in changed)
            {
                if (incidents.ById(id) is { } latest && !IncidentLifecycle.IsFinal(latest.Status))
                {
                    byId[id] = latest;
                }
                else
                {
                    byId.Remove(id);
                }
            }

            return true;
        });
        return [.. byId.Values.OrderByDescending(i => i.Id.Value)];
    }

    public IReadOnlyList<TimelineEntry> Timeline(IncidentId id) =>
        LiteDbLimits.Read(() => timeline.Find(LiteDbQueries.Equal("incident", id.Value)).OrderBy(e => e["_id"].AsInt64).Select(mapper.Deserialize<TimelineEntry>).ToList());

    public IReadOnlyList<Incident> DeclaredBetween(Instant since, Instant until) =>
        LiteDbLimits.Read(() => incidents.Find(LiteDbQueries.Within(nameof(Incident.DeclaredAt), since.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds()))
            .OrderBy(i => i.DeclaredAt).ThenBy(i => i.Id.Value).ToList());

    public async Task EnqueueAsync(AuditEntry entry, params OutboxMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await writer.WriteAsync(() =>
        {
            outbox.InsertBulk(messages);
            audit.Insert(entry);
            return true;
        }).ConfigureAwait(false);
        Notify(messages, changed: null);
    }

    public Task AuditAsync(AuditEntry entry) => writer.WriteAsync(() => audit.Insert(entry));

    public Task? TryAuditLater(AuditEntry entry) => writer.TryWriteLater(() => audit.Insert(entry));

    public long AuditsShed => writer.Shed;

    public IReadOnlyList<AuditEntry> AuditLog(IncidentId? incidentId) =>
        LiteDbLimits.Read(() => (incidentId is null ? audit.FindAll() : audit.Find(a => a.IncidentId == incidentId)).OrderBy(a => a.Id).ToList());

    /// <summary>What the listeners add to a change; nothing when the change added no timeline entry.</summary>
    private List<OutboxMessage> Heard(Incident incident, List<TimelineEntry> added) =>
        added.Count == 0 ? [] : listeners.SelectMany(l => l.Changed(incident, added)).ToList();

    // From the open incidents shared until the next change (see ListOpen): the scheduler asks after every change, and
    // a query here would read them again each time (and Query.LTE with the time in its text compiled a new expression each call).
    public IReadOnlyList<Incident> DueForReminder(Instant now) =>
        [.. ListOpen().Where(i => Reminded(i) && i.NextUpdateDue <= now)];

    public Instant? NextReminderDue() => ListOpen().Where(Reminded).Select(i => i.NextUpdateDue).Min();

    private static bool Reminded(Incident incident) =>
        incident.IsOpen && !incident.RemindersStopped && incident.WarRoom.ChannelId is not null && incident.NextUpdateDue is not null;

    /// <summary>Under the writer: appends what the incident recorded to its timeline, then forgets it.</summary>
    private void SaveRecorded(Incident incident)
    {
        if (incident.Recorded.Count == 0)
        {
            return;
        }

        timeline.InsertBulk(incident.Recorded.Select(e => Stored(incident.Id.Value, mapper.Serialize(e).AsDocument)));
        incident.Recorded.Clear();
    }

    /// <summary>A timeline entry's document (see <see cref="BsonMappings"/>) tagged with its incident.</summary>
    private static BsonDocument Stored(int incident, BsonDocument entry)
    {
        entry["incident"] = incident;
        return entry;
    }

    /// <summary>
    /// Databases written before the timeline had its own collection kept it inside each incident's document: move it
    /// out once, in the writer's transaction, and note that it was done so later starts skip the scan.
    /// </summary>
    private void MoveEmbeddedTimelines(LiteDatabase database)
    {
        const string Marker = "timeline-collection";
        if (counters.ById(Marker) is not null)
        {
            return;
        }

        var raw = database.GetCollection("incidents");
        foreach (var document in raw.FindAll().Where(d => d.ContainsKey("Timeline")).ToList())
        {
            var id = document["_id"].AsInt32;
            timeline.InsertBulk(document["Timeline"].AsArray.Select(e => Stored(id, e.AsDocument)));
            document.Remove("Timeline");
            raw.Update(document);
        }

        counters.Upsert(new BsonDocument { ["_id"] = Marker, ["done"] = true });
    }

    private void Notify(IReadOnlyList<OutboxMessage> added, IncidentId? changed)
    {
        signals.Added(added);

        if (changed is { } id)
        {
            Changed(id);
            signals.Incidents.Notify();
        }
    }

    /// <summary>
    /// A write that changes incidents. One that failed may still have committed (its sync failed after LiteDB's commit),
    /// and then no caller marks what it changed: the next <see cref="ListOpen"/> reads every open incident afresh.
    /// </summary>
    private async Task<T> ChangingAsync<T>(Func<T> write)
    {
        try
        {
            return await writer.WriteAsync(write).ConfigureAwait(false);
        }
        catch
        {
            ReadAllNext();
            throw;
        }
    }

    private void ReadAllNext()
    {
        lock (changedSince)
        {
            readAll = true;
        }

        Interlocked.Increment(ref incidentVersion);
    }

    /// <summary>After the commit that changed <paramref name="id"/>: the next <see cref="ListOpen"/> reads it again.</summary>
    private void Changed(IncidentId id)
    {
        lock (changedSince)
        {
            changedSince.Add(id.Value);
        }

        Interlocked.Increment(ref incidentVersion);
    }

    private sealed record OpenIncidents(long Version, IReadOnlyList<Incident> Incidents);
}
