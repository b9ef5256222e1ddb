namespace IncidentBot.Storage;

/// <summary>
/// Wakes a background loop when something it waits for was committed. Notifications coalesce: a burst of commits
/// wakes the loop once, and a commit that lands while the loop is busy is never missed. A signal of the stores may
/// also be relayed to the other replicas (<see cref="IStoreSignalRelay"/>).
/// </summary>
public sealed class Signal
{
    private readonly Action? relay;
    private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Signal()
    {
    }

    internal Signal(Action? relay) => this.relay = relay;

    /// <summary>Take this before looking for work; it completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref current).Task;

    /// <summary>Wakes the loops of this process, and tells the other replicas when relayed.</summary>
    public void Notify()
    {
        NotifyHere();
        relay?.Invoke();
    }

    /// <summary>Wakes the loops of this process only: for news heard from another replica.</summary>
    internal void NotifyHere() => Interlocked.Exchange(ref current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
