using IncidentBot.Incidents;
using IncidentBot.Outbox;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary><see cref="INoteStore"/> on LiteDB: the note's key is its identity, so a repeated reaction cannot add it twice.</summary>
public sealed class LiteDbNoteStore : INoteStore
{
    private readonly LiteDatabase database;
    private readonly ILiteCollection<ScribeNote> notes;
    private readonly ILiteCollection<CachedMessage> messages;
    private readonly ILiteCollection<OutboxMessage> outbox;
    private readonly StoreSignals signals;

    public LiteDbNoteStore(LiteDatabase database, StoreSignals signals)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.signals = signals;
        notes = database.GetCollection<ScribeNote>("notes");
        messages = database.GetCollection<CachedMessage>("messages");
        outbox = database.GetCollection<OutboxMessage>("outbox", BsonAutoId.Int64);
        notes.EnsureIndex(n => n.IncidentId);
    }

    public bool TryAdd(ScribeNote note, IReadOnlyList<OutboxMessage> followUps)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(followUps);
        database.BeginTrans();
        try
        {
            notes.Insert(note);
            outbox.InsertBulk(followUps);
            database.Commit();
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            database.Rollback();
            return false;
        }
        catch
        {
            database.Rollback();
            throw;
        }

        if (followUps.Count > 0)
        {
            signals.Outbox.Notify();
        }

        return true;
    }

    public ScribeNote? Find(string key) => notes.FindById(key);

    public IReadOnlyList<ScribeNote> ForIncident(IncidentId incident) =>
        notes.Find(n => n.IncidentId == incident.Value).OrderBy(n => n.WrittenAt).ThenBy(n => n.MessageTs, StringComparer.Ordinal).ToList();

    public void Save(ScribeNote note) => notes.Upsert(note);

    public bool TryRemove(string key, IReadOnlyList<OutboxMessage> followUps)
    {
        ArgumentNullException.ThrowIfNull(followUps);
        bool removed;
        database.BeginTrans();
        try
        {
            removed = notes.Delete(key);
            if (removed)
            {
                outbox.InsertBulk(followUps);
            }

            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }

        if (removed && followUps.Count > 0)
        {
            signals.Outbox.Notify();
        }

        return removed;
    }

    public bool Remove(string key) => notes.Delete(key);

    public void Keep(CachedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Key = CachedMessage.KeyOf(message.Channel, message.Ts);
        messages.Upsert(message);
    }

    public CachedMessage? FindMessage(string channel, string ts) => messages.FindById(CachedMessage.KeyOf(channel, ts));

    public void ForgetMessage(string channel, string ts) => messages.Delete(CachedMessage.KeyOf(channel, ts));
}
