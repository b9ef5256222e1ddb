using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A <see cref="TimeProvider"/> on a <see cref="FakeClock"/>: its timers fire only when <see cref="Advance"/> moves the
/// clock past their due time, so a test moves the bot's scheduler instead of sleeping while it waits.
/// </summary>
internal sealed class ManualTime(FakeClock clock) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<Timer> timers = [];

    public FakeClock Clock => clock;

    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, then fires every timer that came due.</summary>
    public void Advance(Duration by)
    {
        clock.Advance(by);
        List<Timer> due;
        lock (gate)
        {
            var now = clock.GetCurrentInstant();
            due = timers.FindAll(t => t.Due <= now);
            timers.RemoveAll(due.Contains);
        }

        due.ForEach(t => t.Fire());
    }

    private void Schedule(Timer timer, Instant? due)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (due is { } at)
            {
                timer.Due = at;
                timers.Add(timer);
            }
        }
    }

    private sealed class Timer(ManualTime time, TimerCallback callback, object? state) : ITimer
    {
        public Instant Due { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // The scheduler's waits are one-shot; a period is not needed here.
            time.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : time.Clock.GetCurrentInstant() + Duration.FromTimeSpan(dueTime));
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => time.Schedule(this, null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
