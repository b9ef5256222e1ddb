using System.Diagnostics;

namespace IncidentBot.Storage;

// What the writer's queues hold: a change some caller awaits, or a deferred write nobody awaits.
public sealed partial class GroupCommitter
{
    private interface IWrite
    {
        /// <summary>When it was queued: one commit runs its writes in this order, so ids follow the order of arrival.</summary>
        long Sequence { get; }

        void Run();

        void Complete();

        void Fail(Exception ex);
    }

    /// <summary>A deferred write: its caller does not wait for it, but may watch <see cref="Task"/>.</summary>
    private sealed class Later(Action work, long sequence) : IWrite
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Sequence => sequence;

        public Task Task => done.Task;

        public void Run() => work();

        public void Complete() => done.TrySetResult();

        public void Fail(Exception ex) => done.TrySetException(ex);
    }

    private sealed class Write<T>(Func<T> work, long sequence) : IWrite
    {
        public long Sequence => sequence;

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
