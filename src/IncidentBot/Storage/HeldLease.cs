namespace IncidentBot.Storage;

/// <summary>
/// A lease this replica holds while its work runs: renewed every third of <see cref="ILeases.Duration"/> on the
/// <see cref="TimeProvider"/>, so it never runs out under live work; <see cref="Lost"/> fires when a renewal fails
/// (another replica took it, or the database did not answer), so the work stops before another replica's starts.
/// Disposing releases it, so another replica may take it at once.
/// </summary>
public sealed partial class HeldLease : IAsyncDisposable
{
    private readonly ILeases leases;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource whenLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task renewing;
    private long heldSince;

    private HeldLease(ILeases leases, string name, TimeProvider time, long heldSince, ILogger logger)
    {
        this.leases = leases;
        this.time = time;
        this.logger = logger;
        this.heldSince = heldSince;
        Name = name;
        renewing = RenewAsync();
    }

    public string Name { get; }

    /// <summary>Cancelled once the lease may be another replica's: the work under it stops.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Completes once the lease may be another replica's, as <see cref="Lost"/> is cancelled.</summary>
    public Task WhenLost => whenLost.Task;

    public bool IsLost => lost.IsCancellationRequested;

    /// <summary>
    /// Whether the lease is surely still this replica's: not lost, and renewed less than its duration ago. False after
    /// a pause longer than the lease (the process was frozen, say) even before the late renewal says it was taken.
    /// </summary>
    public bool IsCurrent => !IsLost && (leases.Duration == Timeout.InfiniteTimeSpan || time.GetElapsedTime(Interlocked.Read(ref heldSince)) < leases.Duration);

    /// <summary>How often a lease of <paramref name="leases"/> is renewed, and a replica without it tries again: a third of its duration.</summary>
    public static TimeSpan RenewEvery(ILeases leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return leases.Duration == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : leases.Duration / 3;
    }

    /// <summary>Takes <paramref name="name"/> and keeps it renewed; null while another replica holds it.</summary>
    public static async Task<HeldLease?> TryTakeAsync(ILeases leases, string name, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(time);
        var asked = time.GetTimestamp();
        return await leases.TryHoldAsync(name, cancellationToken).ConfigureAwait(false) ? new HeldLease(leases, name, time, asked, logger) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        try
        {
            await leases.ReleaseAsync(Name, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not released: it runs out by itself, and another replica takes it then.
            LogReleaseFailed(ex, Name);
        }

        lost.Dispose();
        stop.Dispose();
    }

    private async Task RenewAsync()
    {
        var every = RenewEvery(leases);
        if (every == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop.Token).ConfigureAwait(false);
                if (!await RenewedAsync().ConfigureAwait(false))
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    whenLost.TrySetResult();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the work ended.
        }
    }

    private async Task<bool> RenewedAsync()
    {
        try
        {
            // Counted from the moment of asking: the lease runs from no later than that.
            var asked = time.GetTimestamp();
            if (await leases.TryHoldAsync(Name, stop.Token).ConfigureAwait(false))
            {
                Interlocked.Exchange(ref heldSince, asked);
                return true;
            }

            LogTaken(Name);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not known to be ours any more: stop rather than risk running beside another replica.
            LogRenewFailed(ex, Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} was taken by another replica; its work stops here")]
    private partial void LogTaken(string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be renewed; its work stops here until it is held again")]
    private partial void LogRenewFailed(Exception ex, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be released; another replica takes it once it runs out")]
    private partial void LogReleaseFailed(Exception ex, string lease);
}
