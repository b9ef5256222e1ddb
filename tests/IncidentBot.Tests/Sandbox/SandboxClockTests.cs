using IncidentBot.Sandbox;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace IncidentBot.Tests.Sandbox;

/// <summary>The sandbox's clock: the wall clock plus every skip, one time for waiting and for stamping, and a skip wakes what it passed.</summary>
public sealed class SandboxClockTests
{
    private readonly FakeTimeProvider wall = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_skip_moves_both_clocks_on_and_the_wall_clock_keeps_running_under_it()
    {
        var clock = new SandboxClock(wall);
        var started = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMinutes(30));
        wall.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 31, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(Instant.FromDateTimeOffset(clock.GetUtcNow()), clock.GetCurrentInstant());
        Assert.Equal(TimeSpan.FromMinutes(31), clock.GetElapsedTime(started));
        Assert.Equal(TimeSpan.FromMinutes(30), clock.Offset);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public async Task A_wait_the_skip_passed_ends_at_once_and_one_it_did_not_pass_waits_only_for_the_rest()
    {
        var clock = new SandboxClock(wall);
        var passed = Task.Delay(TimeSpan.FromMinutes(15), clock);
        var longer = Task.Delay(TimeSpan.FromMinutes(45), clock);

        clock.Advance(TimeSpan.FromMinutes(30));

        await passed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(longer.IsCompleted);
        wall.Advance(TimeSpan.FromMinutes(14));
        Assert.False(longer.IsCompleted);
        wall.Advance(TimeSpan.FromMinutes(1));
        await longer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_periodic_timer_fires_once_for_a_skip_and_goes_on_from_the_new_time()
    {
        var clock = new SandboxClock(wall);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, Volatile.Read(ref fired));
        wall.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, Volatile.Read(ref fired));

        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, Volatile.Read(ref fired));
    }
}
