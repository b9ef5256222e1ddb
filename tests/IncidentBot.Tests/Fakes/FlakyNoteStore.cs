using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Tests.Fakes;

/// <summary>The real note store with one injectable fault: the next adds fail, as a disk briefly full or locked would.</summary>
public sealed class FlakyNoteStore(LiteDbNoteStore inner) : INoteStore
{
    private int failures;
    private int failed;
    private TaskCompletionSource? hold;

    /// <summary>Fails the next <paramref name="count"/> adds.</summary>
    public void FailNextAdds(int count = 1) => Volatile.Write(ref failures, count);

    /// <summary>Holds the next add until the returned source is completed; it then fails if a failure is due.</summary>
    public TaskCompletionSource HoldNextAdd() => hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many adds failed so far.</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>Completed when a held add has started waiting.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> TryAddAsync(ScribeNote note, IReadOnlyList<OutboxMessage> followUps, int maxNotes = int.MaxValue)
    {
        if (Interlocked.Exchange(ref hold, null) is { } held)
        {
            Holding.TrySetResult();
            await held.Task;
        }

        if (Interlocked.Decrement(ref failures) >= 0)
        {
            Interlocked.Increment(ref failed);
            throw new IOException("the database file is locked");
        }

        return await inner.TryAddAsync(note, followUps, maxNotes);
    }

    public Task<bool> TryRemoveAsync(string key, Func<ScribeNote, bool> release, IReadOnlyList<OutboxMessage> followUps) => inner.TryRemoveAsync(key, release, followUps);

    public ScribeNote? Find(string key) => inner.Find(key);

    public IReadOnlyList<ScribeNote> ForIncident(IncidentId incident) => inner.ForIncident(incident);

    public Task<bool> UpdateAsync(string key, Action<ScribeNote> change) => inner.UpdateAsync(key, change);

    public Task RemoveAsync(string key) => inner.RemoveAsync(key);

    public Task KeepAsync(CachedMessage message) => inner.KeepAsync(message);

    public CachedMessage? FindMessage(SlackChannelId channel, string ts) => inner.FindMessage(channel, ts);

    public Task ForgetMessageAsync(SlackChannelId channel, string ts) => inner.ForgetMessageAsync(channel, ts);

    public Task<int> PruneMessagesAsync(SlackChannelId channel, int max) => inner.PruneMessagesAsync(channel, max);
}
