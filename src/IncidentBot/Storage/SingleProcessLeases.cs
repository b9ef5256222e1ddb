namespace IncidentBot.Storage;

/// <summary>
/// The leases of a LiteDB file: always held, and never running out, because one process is all a file ever has
/// (<see cref="StorageFileLock"/> stops a second at start).
/// </summary>
public sealed class SingleProcessLeases(ReplicaId replica) : ILeases
{
    public string Owner => replica.Value;

    public TimeSpan Duration => Timeout.InfiniteTimeSpan;

    public Task<bool> TryHoldAsync(string name, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync(string name, CancellationToken cancellationToken) => Task.CompletedTask;
}
