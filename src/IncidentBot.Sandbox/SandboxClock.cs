using System.Collections.Concurrent;
using NodaTime;

namespace IncidentBot.Sandbox;

/// <summary>
/// The sandbox's time: the wall clock plus however far a person has skipped ahead (<see cref="Advance"/>). It is both the
/// <see cref="TimeProvider"/> every loop waits on (the scheduler of reminders and escalations, the outbox and its back-off,
/// Slack's Retry-After) and the NodaTime <see cref="IClock"/> the bot stamps and compares with, so the two always agree.
/// A skip wakes at once every timer whose due time it passed, so what falls due in the skipped time happens now.
/// Only the sandbox uses it: a bot talking to a real Slack workspace keeps the system clock.
/// </summary>
public sealed class SandboxClock : TimeProvider, IClock
{
    private readonly TimeProvider wall;
    private readonly ConcurrentDictionary<SandboxTimer, byte> armed = new();
    private long offsetTicks;

    public SandboxClock()
        : this(System)
    {
    }

    /// <param name="wall">The time this clock runs with between skips.</param>
    public SandboxClock(TimeProvider wall)
    {
        ArgumentNullException.ThrowIfNull(wall);
        this.wall = wall;
    }

    /// <summary>How far ahead of the wall clock this clock is: the sum of every skip.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override long TimestampFrequency => wall.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => wall.LocalTimeZone;

    internal TimeProvider Wall => wall;

    public override DateTimeOffset GetUtcNow() => wall.GetUtcNow() + Offset;

    public override long GetTimestamp() => wall.GetTimestamp() + (long)((Int128)Offset.Ticks * wall.TimestampFrequency / TimeSpan.TicksPerSecond);

    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SandboxTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time on by <paramref name="by"/>: every reader sees the later time, and every timer it passed fires now.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
        foreach (var timer in armed.Keys)
        {
            timer.Rearm();
        }
    }

    internal void Armed(SandboxTimer timer, bool isArmed)
    {
        if (isArmed)
        {
            armed.TryAdd(timer, 0);
        }
        else
        {
            armed.TryRemove(timer, out _);
        }
    }
}
