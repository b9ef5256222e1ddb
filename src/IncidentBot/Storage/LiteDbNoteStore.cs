using IncidentBot.Incidents;
using IncidentBot.Slack;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// <see cref="INoteStore"/> on LiteDB, written through the <see cref="GroupCommitter"/>: the note's key is its identity,
/// so a repeated reaction cannot add it twice, and a burst of reactions shares one flush to disk.
/// </summary>
public sealed partial class LiteDbNoteStore : INoteStore
{
    private readonly ILiteCollection<ScribeNote> notes;
    private readonly ILiteCollection<CachedMessage> messages;
    private readonly ILiteCollection<OutboxMessage> outbox;
    private readonly ILiteCollection<BsonDocument> counts;
    private readonly GroupCommitter writer;
    private readonly StoreSignals signals;

    public LiteDbNoteStore(LiteDatabase database, GroupCommitter writer, StoreSignals signals)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.writer = writer;
        this.signals = signals;
        notes = database.GetCollection<ScribeNote>("notes");
        messages = database.GetCollection<CachedMessage>("messages");
        outbox = database.GetCollection<OutboxMessage>("outbox", BsonAutoId.Int64);
        counts = database.GetCollection("note_counts");

        // On the writer, like every write (see LiteDbLimits).
        writer.WriteAsync(() => notes.EnsureIndex(n => n.IncidentId)).GetAwaiter().GetResult();
    }

    public async Task<bool> TryAddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps, int maxNotes = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(followUps);

        // Checked inside the write, so two reactions on one message in the same batch still make one note, and two notes
        // at the limit make one. The count is a document of its own, kept in the same transaction as the notes: counting
        // the incident's index on every note made a burst of reactions in one war room slow down with each note.
        var added = await writer.WriteAsync(() =>
        {
            var count = CountOf(note.IncidentId);
            if (notes.ById(note.Key) is not null || count >= maxNotes)
            {
                return false;
            }

            notes.Insert(note);
            SetCount(note.IncidentId, count + 1);
            outbox.InsertBulk(followUps);
            return true;
        }).ConfigureAwait(false);
        if (added)
        {
            signals.Added(followUps);
        }

        return added;
    }

    public async Task<bool> TryRemoveAsync(string key, Func<ScribeNote, bool> release, IReadOnlyList<OutboxMessage> followUps)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(followUps);
        var removed = await writer.WriteAsync(() =>
        {
            if (notes.ById(key) is not { } latest)
            {
                return false;
            }

            if (!release(latest))
            {
                notes.Update(latest);
                return false;
            }

            Delete(latest);
            outbox.InsertBulk(followUps);
            return true;
        }).ConfigureAwait(false);
        if (removed)
        {
            signals.Added(followUps);
        }

        return removed;
    }

    public ScribeNote? Find(string key) =>
        LiteDbLimits.Read(() => notes.ById(key));

    public IReadOnlyList<ScribeNote> ForIncident(IncidentId incident) =>
        LiteDbLimits.Read(() => notes.Find(n => n.IncidentId == incident).OrderBy(n => n.WrittenAt).ThenBy(n => n.MessageTs, StringComparer.Ordinal).ToList());

    public Task<bool> UpdateAsync(string key, Action<ScribeNote> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return writer.WriteAsync(() =>
        {
            if (notes.ById(key) is not { } latest)
            {
                return false;
            }

            change(latest);
            return notes.Update(latest);
        });
    }

    public Task RemoveAsync(string key) => writer.WriteAsync(() => notes.ById(key) is { } note && Delete(note));

    /// <summary>Under the writer: how many notes the incident has, counted from its index the first time it is asked.</summary>
    private int CountOf(IncidentId incident) =>
        counts.ById(incident.Value) is { } kept ? kept["notes"].AsInt32 : notes.Count(LiteDbQueries.Equal(nameof(ScribeNote.IncidentId), incident.Value));

    private void SetCount(IncidentId incident, int count) =>
        counts.Upsert(new BsonDocument { ["_id"] = incident.Value, ["notes"] = count });

    /// <summary>Under the writer: deletes <paramref name="note"/> and lowers its incident's count.</summary>
    private bool Delete(ScribeNote note)
    {
        var count = CountOf(note.IncidentId);
        notes.Delete(note.Key);
        SetCount(note.IncidentId, Math.Max(0, count - 1));
        return true;
    }

    public Task KeepAsync(CachedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Key = CachedMessage.KeyOf(message.Channel, message.Ts);
        return writer.WriteAsync(() => messages.Upsert(message));
    }

    public CachedMessage? FindMessage(SlackChannelId channel, string ts) =>
        LiteDbLimits.Read(() => messages.ById(CachedMessage.KeyOf(channel, ts)));

    public Task ForgetMessageAsync(SlackChannelId channel, string ts) => writer.WriteAsync(() => messages.Delete(CachedMessage.KeyOf(channel, ts)));
}
