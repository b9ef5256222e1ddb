namespace IncidentBot.Sandbox;

/// <summary>
/// A timer of <see cref="SandboxClock"/>: it keeps its due time in the sandbox's time and waits for it on a wall-clock
/// timer, which a skip of the clock shortens (to nothing when the skip passed the due time).
/// </summary>
internal sealed class SandboxTimer : ITimer
{
    private readonly SandboxClock clock;
    private readonly TimerCallback callback;
    private readonly object? state;
    private readonly ITimer wait;
    private readonly Lock gate = new();
    private DateTimeOffset? due;
    private TimeSpan period = Timeout.InfiniteTimeSpan;
    private bool disposed;

    public SandboxTimer(SandboxClock clock, TimerCallback callback, object? state)
    {
        this.clock = clock;
        this.callback = callback;
        this.state = state;
        wait = clock.Wall.CreateTimer(static self => ((SandboxTimer)self!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            if (disposed)
            {
                return false;
            }

            this.period = period;
            due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            Arm();
            return true;
        }
    }

    /// <summary>After a skip: waits only for what is left of the due time in the sandbox's time.</summary>
    public void Rearm()
    {
        lock (gate)
        {
            if (!disposed)
            {
                Arm();
            }
        }
    }

    public void Dispose()
    {
        Stop();
        wait.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await wait.DisposeAsync().ConfigureAwait(false);
    }

    private void Fire()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (disposed || due is not { } at)
            {
                return;
            }

            if (at > now)
            {
                // The wall-clock timer came a moment early: wait for the rest.
                Arm();
                return;
            }

            due = period > TimeSpan.Zero ? now + period : null;
            Arm();
        }

        callback(state);
    }

    private void Arm()
    {
        var left = due is { } at ? at - clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
        wait.Change(due is null ? Timeout.InfiniteTimeSpan : left < TimeSpan.Zero ? TimeSpan.Zero : left, Timeout.InfiniteTimeSpan);
        clock.Armed(this, due is not null);
    }

    private void Stop()
    {
        lock (gate)
        {
            disposed = true;
            due = null;
        }

        clock.Armed(this, false);
    }
}
