using System.Diagnostics;
using System.Threading.Channels;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// The one writer of the LiteDB file. Every write is queued here; the writer runs whatever is queued in one
/// transaction and commits once, so a burst of a hundred changes costs one commit instead of a hundred, and
/// each caller's task completes only after its change is committed. A write that throws rolls back its batch, which
/// is then retried one write per transaction, so one bad write never takes another caller's change with it.
/// The writer is a thread of its own: LiteDB ties a transaction to the thread that began it, and no other code ever
/// runs on this one. Nothing stops it but disposal: when LiteDB cannot open a transaction (it allows 100 at once,
/// reads included) it waits and tries again, and any other failure fails that batch's callers, not the writer.
/// </summary>
public sealed partial class GroupCommitter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(5);
    private readonly LiteDatabase database;
    private readonly ILogger<GroupCommitter> logger;
    private readonly Channel<IWrite> queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GroupCommitter(LiteDatabase database, ILogger<GroupCommitter> logger)
    {
        this.database = database;
        this.logger = logger;
        new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB writer" }.Start();
    }

    private interface IWrite
    {
        void Run();

        void Complete();

        void Fail(Exception ex);
    }

    /// <summary>Runs <paramref name="work"/> on the writer, inside a transaction, and completes when it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<T> work)
    {
        var write = new Write<T>(work);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(write), this);

        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopped.Task.ConfigureAwait(false);
    }

    private void WriteLoop()
    {
        var batch = new List<IWrite>(MaxBatch);
        try
        {
            // A thread of its own may block while it waits for work.
            while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

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
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
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

        foreach (var write in batch)
        {
            write.Complete();
        }

        return true;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A database write failed and was rolled back")]
    private partial void LogWriteFailed(Exception ex);

    private sealed class Write<T>(Func<T> work) : IWrite
    {
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        /// <summary>The caller's span: what a write decides (its outbox messages) belongs to the caller's trace.</summary>
        private readonly Activity? caller = Activity.Current;

        public Task<T> Task => done.Task;

        public void Run()
        {
            var writer = Activity.Current;
            Activity.Current = caller;
            try
            {
                result = work();
            }
            finally
            {
                Activity.Current = writer;
            }
        }

        public void Complete() => done.TrySetResult(result);

        public void Fail(Exception ex) => done.TrySetException(ex);
    }
}
