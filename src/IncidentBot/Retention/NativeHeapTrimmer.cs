using Microsoft.Extensions.Options;

namespace IncidentBot.Retention;

/// <summary>
/// Gives the C heap's free memory back to the system (<see cref="NativeHeap"/>) every <see cref="RetentionOptions.Every"/>,
/// in every process. Retention runs on one replica only (the one leading the scheduler), but every replica's runtime
/// frees native memory as it works (the JIT's among it), so each process trims its own: the resident set follows what
/// the process holds, not the most it ever held.
/// </summary>
public sealed class NativeHeapTrimmer(TimeProvider time, IOptions<RetentionOptions> options) : BackgroundService
{
    private readonly Func<bool> trim = NativeHeap.Trim;

    /// <summary>For tests: counts the trims instead of making them.</summary>
    internal NativeHeapTrimmer(TimeProvider time, IOptions<RetentionOptions> options, Func<bool> trim)
        : this(time, options) => this.trim = trim;

    private PeriodicTimer? timer;

    /// <summary>The first round is counted from the host's start, before the loop below is scheduled.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        timer = new PeriodicTimer(options.Value.Every, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // False where there is no glibc: nothing to trim there, ever.
            if (!trim())
            {
                return;
            }
        }
    }
}
