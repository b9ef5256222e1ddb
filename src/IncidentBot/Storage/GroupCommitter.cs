using System.Threading.Channels;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// The one writer of the LiteDB file. Every write is queued here; the writer runs whatever is queued in one
/// transaction and commits once, so a burst of a hundred changes costs one flush to disk instead of a hundred, and
/// each caller's task completes only after its change is committed. A write that throws rolls back its batch, which
/// is then retried one write per transaction, so one bad write never takes another caller's change with it.
/// </summary>
public sealed partial class GroupCommitter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly LiteDatabase database;
    private readonly ILogger<GroupCommitter> logger;
    private readonly Channel<IWrite> queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public GroupCommitter(LiteDatabase database, ILogger<GroupCommitter> logger)
    {
        this.database = database;
        this.logger = logger;
        writer = Task.Factory.StartNew(WriteLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
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
        await writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (!TryCommit(batch))
            {
                foreach (var write in batch)
                {
                    TryCommit([write]);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>True when the whole batch committed (its writers are told); false when it rolled back and nobody was told.</summary>
    private bool TryCommit(List<IWrite> batch)
    {
        database.BeginTrans();
        try
        {
            foreach (var write in batch)
            {
                write.Run();
            }

            database.Commit();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A database write failed and was rolled back")]
    private partial void LogWriteFailed(Exception ex);

    private sealed class Write<T>(Func<T> work) : IWrite
    {
        private readonly TaskCompletionSource<T> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Task => done.Task;

        public void Run() => result = work();

        public void Complete() => done.TrySetResult(result);

        public void Fail(Exception ex) => done.TrySetException(ex);
    }
}
