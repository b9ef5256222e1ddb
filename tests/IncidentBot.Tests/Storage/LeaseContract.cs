using IncidentBot.Storage;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// What every store's <see cref="ILeases"/> promises one replica; the engine's subclass adds what it promises between
/// replicas (PostgreSQL: exclusive, expiry, hand-over; LiteDB: a second replica never starts).
/// </summary>
public abstract class LeaseContract
{
    private protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 24, 3, 0));

    /// <summary>A replica on this test's store.</summary>
    private protected abstract ILeases Replica();

    [Fact]
    public async Task A_replica_takes_a_free_lease_and_renewing_keeps_it()
    {
        var leases = Replica();

        Assert.True(await leases.TryHoldAsync("scheduler", CancellationToken.None));
        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(Duration.FromSeconds(4));
            Assert.True(await leases.TryHoldAsync("scheduler", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_released_lease_is_taken_again()
    {
        var leases = Replica();
        Assert.True(await leases.TryHoldAsync("outbox:1:0", CancellationToken.None));

        await leases.ReleaseAsync("outbox:1:0", CancellationToken.None);

        Assert.True(await leases.TryHoldAsync("outbox:1:0", CancellationToken.None));
    }

    [Fact]
    public async Task Leases_of_different_names_are_held_side_by_side()
    {
        var leases = Replica();

        Assert.True(await leases.TryHoldAsync("outbox:1:0", CancellationToken.None));
        Assert.True(await leases.TryHoldAsync("outbox:1:1", CancellationToken.None));
        Assert.True(await leases.TryHoldAsync("scheduler", CancellationToken.None));
    }

    [Fact]
    public async Task Releasing_a_lease_not_held_is_harmless()
    {
        var leases = Replica();

        await leases.ReleaseAsync("never-taken", CancellationToken.None);

        Assert.True(await leases.TryHoldAsync("never-taken", CancellationToken.None));
    }

    [Fact]
    public void Each_replica_has_an_owner_of_its_own()
    {
        Assert.NotEqual(Replica().Owner, Replica().Owner);
    }
}
