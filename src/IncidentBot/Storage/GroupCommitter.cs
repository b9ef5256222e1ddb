using System.Diagnostics.Metrics;
using System.Threading.Channels;
using IncidentBot.Observability;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// The one writer of the LiteDB file. Every write is queued here; the writer runs whatever is queued in one
/// transaction and commits once, so a burst of a hundred changes costs one commit (and one sync of the file) instead of
/// a hundred, and each caller's task completes only after its change is committed and on the disk. A write that throws
/// rolls back its batch, which is then retried one write per transaction, so one bad write never takes another
/// caller's change with it. The writer is a thread of its own: LiteDB ties a transaction to the thread that began it,
/// and no other code ever runs on this one. Nothing stops it but disposal: when LiteDB cannot open a transaction (it
/// allows 100 at once, reads included) it waits and tries again, and any other failure fails that batch's callers.
/// Two bounded queues feed it. Changes (<see cref="WriteAsync{T}"/>) come first in every commit; when
/// <see cref="Capacity"/> of them wait, the next caller awaits room, so a change is never dropped. What may wait
/// (<see cref="TryWriteLater"/>: the audit of a command that changed nothing) fills the room a commit has left, at most
/// <see cref="MaxLaterPerBatch"/> per commit; past <see cref="LaterCapacity"/> waiting it is shed and counted
/// (<see cref="Shed"/>), so a flood of read-only commands costs bounded memory and never queues ahead of a change.
/// LiteDB copies its log into the data file (a checkpoint) inside the commit that makes the log longer than 1,000 pages,
/// so that commit's callers, and every change queued behind them, wait for it. The writer checkpoints sooner, between
/// changes: once the log holds <see cref="IdleCheckpointPages"/> and nothing has come to write for <see cref="IdleWait"/>,
/// so the copy is short and starts when the writer is idle; under a steady stream of changes it never is, and LiteDB's
/// own checkpoint bounds the log.
/// </summary>
public sealed partial class GroupCommitter : IAsyncDisposable
{
    public const int Capacity = 1024;
    public const int LaterCapacity = 4096;
    public const int MaxBatch = 256;
    public const int MaxLaterPerBatch = 64;
    public const int IdleCheckpointPages = 64;
    public static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(5);
    private readonly LiteDatabase database;
    private readonly ILogger<GroupCommitter> logger;
    private readonly LiteDbLogSync? log;
    private readonly Meter? meter;
    private readonly Channel<IWrite> changes;
    private readonly Channel<IWrite> later;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<bool>? changesReady;
    private Task<bool>? laterReady;
    private long shed;
    private long sequence;
    private bool checkpointTried;

    /// <param name="database">The open file.</param>
    /// <param name="logger">Where failed writes are told.</param>
    /// <param name="dataFile">The data file's path, to sync its log after every commit; null (an in-memory database) syncs nothing.</param>
    /// <param name="meters">Publishes the queues' lengths and what was shed; null publishes nothing.</param>
    /// <param name="capacity">Changes that may wait before a caller awaits room (<see cref="Capacity"/>).</param>
    /// <param name="laterCapacity">Deferred writes kept before more are shed (<see cref="LaterCapacity"/>).</param>
    public GroupCommitter(
        LiteDatabase database, ILogger<GroupCommitter> logger, string? dataFile = null, IMeterFactory? meters = null,
        int capacity = Capacity, int laterCapacity = LaterCapacity)
    {
        this.database = database;
        this.logger = logger;
        log = dataFile is null ? null : new LiteDbLogSync(dataFile);
        changes = Channel.CreateBounded<IWrite>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        later = Channel.CreateBounded<IWrite>(new BoundedChannelOptions(laterCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        meter = meters?.Create(BotTelemetry.Name);
        meter?.CreateObservableGauge("incidentbot.store.queued", () => Queued, "{write}", "Changes waiting for the LiteDB writer.");
        meter?.CreateObservableGauge("incidentbot.store.deferred", () => Deferred, "{write}", "Audit entries of read-only commands waiting for room in a commit.");
        meter?.CreateObservableCounter("incidentbot.store.shed", () => Shed, "{write}", "Audit entries of read-only commands not written because their queue was full.");
        new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB writer" }.Start();
    }

    /// <summary>Changes waiting for the writer.</summary>
    public int Queued => changes.Reader.Count;

    /// <summary>Deferred writes waiting for room in a commit.</summary>
    public int Deferred => later.Reader.Count;

    /// <summary>Deferred writes dropped since start because <see cref="LaterCapacity"/> of them were already waiting.</summary>
    public long Shed => Interlocked.Read(ref shed);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer, inside a transaction, and completes when it is committed and synced;
    /// while the queue is full it first waits for room.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<T> work)
    {
        var write = new Write<T>(work, Interlocked.Increment(ref sequence));
        return changes.Writer.TryWrite(write) ? write.Task : QueueAsync(write);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for a later commit that has room, behind every change queued by then, and returns
    /// a task that completes once it is committed (the caller need not wait); null, and counted in <see cref="Shed"/>,
    /// when the queue of such writes is full or the writer is stopping.
    /// </summary>
    public Task? TryWriteLater(Action work)
    {
        var write = new Later(work, Interlocked.Increment(ref sequence));
        if (later.Writer.TryWrite(write))
        {
            return write.Task;
        }

        Interlocked.Increment(ref shed);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        later.Writer.TryComplete();
        changes.Writer.TryComplete();
        await stopped.Task.ConfigureAwait(false);
        log?.Dispose();
        meter?.Dispose();
    }

    private async Task<T> QueueAsync<T>(Write<T> write)
    {
        try
        {
            await changes.Writer.WriteAsync(write).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException(nameof(GroupCommitter), ex);
        }

        return await write.Task.ConfigureAwait(false);
    }

    private void WriteLoop()
    {
        var batch = new List<IWrite>(MaxBatch);
        try
        {
            while (WaitForWork())
            {
                while (batch.Count < MaxBatch && changes.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                for (var taken = 0; taken < MaxLaterPerBatch && batch.Count < MaxBatch && later.Reader.TryRead(out var write); taken++)
                {
                    batch.Add(write);
                }

                // Priority decides which commit a write joins; within one, writes run in the order they arrived.
                batch.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));

                try
                {
                    if (!TryCommit(batch))
                    {
                        foreach (var write in batch)
                        {
                            TryCommit([write]);
                        }
                    }
                }
                catch (Exception ex)
                {
                    LogBatchFailed(ex, batch.Count);
                    batch.ForEach(w => w.Fail(ex));
                }

                batch.Clear();
                checkpointTried = false;
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Blocks (a thread of its own may) until either queue has a write; false once both are closed and empty. One wait
    /// per queue is kept until it completes, so waiting never piles up waiters on the quieter queue. A checkpoint that is
    /// due runs once nothing has come for <see cref="IdleWait"/>.
    /// </summary>
    private bool WaitForWork()
    {
        while (changes.Reader.Count == 0 && later.Reader.Count == 0)
        {
            changesReady ??= changes.Reader.WaitToReadAsync().AsTask();
            laterReady ??= later.Reader.WaitToReadAsync().AsTask();
            if (changesReady is { IsCompleted: true, Result: false } && laterReady is { IsCompleted: true, Result: false })
            {
                return false;
            }

            if (Task.WaitAny([changesReady, laterReady], CheckpointDue ? IdleWait : Timeout.InfiniteTimeSpan) < 0)
            {
                CheckpointWhileIdle();
                continue;
            }

            changesReady = changesReady is { IsCompleted: true, Result: true } ? null : changesReady;
            laterReady = laterReady is { IsCompleted: true, Result: true } ? null : laterReady;
        }

        return true;
    }

    /// <summary>True when the whole batch committed (its writers are told); false when it rolled back and nobody was told.</summary>
    private bool TryCommit(List<IWrite> batch)
    {
        Begin();
        try
        {
            foreach (var write in batch)
            {
                write.Run();
            }

            if (!database.Commit())
            {
                throw new InvalidOperationException("LiteDB had no transaction to commit on the writer thread.");
            }
        }
        catch (Exception ex)
        {
            database.Rollback();
            if (batch.Count > 1)
            {
                return false;
            }

            LogWriteFailed(ex);
            batch[0].Fail(ex);
            return true;
        }

        // Committed: durable once synced. A failing sync (a disk error) fails the callers below, never a retry.
        log?.Sync();
        foreach (var write in batch)
        {
            write.Complete();
        }

        return true;
    }

    /// <summary>The log has grown enough to be worth copying, and no copy was tried since the last commit.</summary>
    private bool CheckpointDue => !checkpointTried && log is { Pages: >= IdleCheckpointPages };

    /// <summary>Copies the log into the data file; a failure is told once and left to LiteDB's own checkpoint.</summary>
    private void CheckpointWhileIdle()
    {
        checkpointTried = true;
        try
        {
            database.Checkpoint();
        }
        catch (Exception ex)
        {
            LogCheckpointFailed(ex);
        }
    }

    /// <summary>Begins the batch's transaction, waiting while LiteDB has as many open as it allows (readers close theirs in moments).</summary>
    private void Begin()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (!database.BeginTrans())
                {
                    throw new InvalidOperationException("The writer thread already had a LiteDB transaction open.");
                }

                return;
            }
            catch (LiteException ex) when (LiteDbLimits.IsTransactionLimit(ex))
            {
                if (attempt == 0)
                {
                    LogTransactionLimit();
                }

                Thread.Sleep(BusyPause);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LiteDB has as many transactions open as it allows; the writer waits for readers to finish")]
    private partial void LogTransactionLimit();

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} database writes failed")]
    private partial void LogBatchFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying LiteDB's log into the data file failed; LiteDB copies it itself once the log is long")]
    private partial void LogCheckpointFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "A database write failed and was rolled back")]
    private partial void LogWriteFailed(Exception ex);
}
