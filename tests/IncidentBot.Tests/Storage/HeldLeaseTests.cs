using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Storage;

/// <summary>A lease held while work runs: renewed every third, lost when taken, not trusted once unrenewed for its duration.</summary>
public sealed class HeldLeaseTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(9);
    private readonly TestTime time = new();
    private readonly FakeLeaseTable table;
    private readonly FakeLeaseTable.Replica here;

    public HeldLeaseTests()
    {
        table = new FakeLeaseTable(time, LeaseDuration);
        here = table.Join("here");
    }

    [Fact]
    public async Task Renewed_every_third_it_stays_held_and_is_released_when_disposed()
    {
        var held = await TakeAsync();
        var other = table.Join("other");

        var takenAt = time.GetCurrentInstant();
        await time.AdvanceUntilAsync(() => table.RenewedAt("scheduler", "here") - takenAt >= NodaTime.Duration.FromSeconds(30), "renewals for 30 s", TimeSpan.FromSeconds(1));

        Assert.True(held.IsCurrent);
        Assert.False(await other.TryHoldAsync("scheduler", CancellationToken.None));
        await held.DisposeAsync();
        Assert.True(await other.TryHoldAsync("scheduler", CancellationToken.None));
    }

    [Fact]
    public async Task A_renewal_refused_marks_it_lost()
    {
        var held = await TakeAsync();
        here.Dead = true;

        await time.AdvanceUntilAsync(() => held.WhenLost.IsCompleted, "the lease to be lost", TimeSpan.FromSeconds(1));

        Assert.True(held.Lost.IsCancellationRequested);
        Assert.False(held.IsCurrent);
        await held.DisposeAsync();
    }

    [Fact]
    public async Task A_lease_whose_renewal_hangs_is_not_trusted_once_its_duration_passed()
    {
        var held = await TakeAsync();
        here.Stalled = true;

        time.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.True(held.IsCurrent);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(held.IsCurrent);
        Assert.False(held.IsLost);
        await held.DisposeAsync();
    }

    [Fact]
    public async Task A_lease_held_elsewhere_is_not_taken()
    {
        Assert.True(await table.Join("other").TryHoldAsync("scheduler", CancellationToken.None));

        Assert.Null(await HeldLease.TryTakeAsync(here, "scheduler", time, NullLogger.Instance, CancellationToken.None));
    }

    private async Task<HeldLease> TakeAsync() =>
        await HeldLease.TryTakeAsync(here, "scheduler", time, NullLogger.Instance, CancellationToken.None) ?? throw new InvalidOperationException("the lease was not free");
}
