namespace IncidentBot.Storage;

/// <summary>
/// Named leases shared by the replicas of one store, so work that must run on one replica at a time (the scheduler, an
/// outbox lane) does: a replica holds a lease for <see cref="Duration"/> from its last successful
/// <see cref="TryHoldAsync"/>, and another may take it once that has passed without a renewal, or at once after a
/// <see cref="ReleaseAsync"/>. <see cref="HeldLease"/> keeps one renewed while its work runs.
/// </summary>
public interface ILeases
{
    /// <summary>This replica, as the owner its leases are held by.</summary>
    string Owner { get; }

    /// <summary>How long a lease lasts unless renewed; <see cref="Timeout.InfiniteTimeSpan"/> when it never runs out (one process).</summary>
    TimeSpan Duration { get; }

    /// <summary>Takes the lease, or renews it when this replica holds it already; false while another replica holds it.</summary>
    Task<bool> TryHoldAsync(string name, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, if this replica holds it, so another may take it at once.</summary>
    Task ReleaseAsync(string name, CancellationToken cancellationToken);
}
