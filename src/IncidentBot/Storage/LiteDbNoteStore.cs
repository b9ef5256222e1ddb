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

        // On the writer, like every write (see LiteDbLimits).
        writer.WriteAsync(() => notes.EnsureIndex(n => n.IncidentId)).GetAwaiter().GetResult();
    }

    public async Task<bool> TryAddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps, int maxNotes = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(followUps);

        // Checked inside the write, so two reactions on one message in the same batch still make one note, and two notes
        // at the limit make one; the count is read from the incident's index.
        var added = await writer.WriteAsync(() =>
        {
            if (notes.FindById(note.Key) is not null || notes.Count(n => n.IncidentId == note.IncidentId) >= maxNotes)
            {
                return false;
            }

            notes.Insert(note);
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
            if (notes.FindById(key) is not { } latest)
            {
                return false;
            }

            if (!release(latest))
            {
                notes.Update(latest);
                return false;
            }

            notes.Delete(key);
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
        LiteDbLimits.Read(() => notes.FindById(key));

    public IReadOnlyList<ScribeNote> ForIncident(IncidentId incident) =>
        LiteDbLimits.Read(() => notes.Find(n => n.IncidentId == incident).OrderBy(n => n.WrittenAt).ThenBy(n => n.MessageTs, StringComparer.Ordinal).ToList());

    public Task<bool> UpdateAsync(string key, Action<ScribeNote> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return writer.WriteAsync(() =>
        {
            if (notes.FindById(key) is not { } latest)
            {
                return false;
            }

            change(latest);
            return notes.Update(latest);
        });
    }

    public Task RemoveAsync(string key) => writer.WriteAsync(() => notes.Delete(key));

    public Task KeepAsync(CachedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Key = CachedMessage.KeyOf(message.Channel, message.Ts);
        return writer.WriteAsync(() => messages.Upsert(message));
    }

    public CachedMessage? FindMessage(SlackChannelId channel, string ts) =>
        LiteDbLimits.Read(() => messages.FindById(CachedMessage.KeyOf(channel, ts)));

    public Task ForgetMessageAsync(SlackChannelId channel, string ts) => writer.WriteAsync(() => messages.Delete(CachedMessage.KeyOf(channel, ts)));
}
