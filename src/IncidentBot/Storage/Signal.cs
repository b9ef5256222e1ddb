namespace IncidentBot.Storage;

/// <summary>
/// Wakes a background loop when something it waits for was committed. Notifications coalesce: a burst of commits
/// wakes the loop once, and a commit that lands while the loop is busy is never missed.
/// </summary>
public sealed class Signal
{
    private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before looking for work; it completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref current).Task;

    public void Notify() => Interlocked.Exchange(ref current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
