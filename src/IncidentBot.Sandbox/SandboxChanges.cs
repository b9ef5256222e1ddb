namespace IncidentBot.Sandbox;

/// <summary>A counter of workspace changes the page's event stream waits on, so every open page refreshes when anything changes.</summary>
public sealed class SandboxChanges
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version { get; private set; }

    public void Changed()
    {
        TaskCompletionSource done;
        lock (gate)
        {
            Version++;
            done = next;
            next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.SetResult();
    }

    /// <summary>Completes at the next change after <paramref name="seen"/> (at once if there was one).</summary>
    public Task WaitAsync(long seen, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Version != seen ? Task.CompletedTask : next.Task.WaitAsync(cancellationToken);
        }
    }
}
