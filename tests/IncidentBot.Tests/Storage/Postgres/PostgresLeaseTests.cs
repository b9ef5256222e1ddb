using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using NodaTime;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>The leases in PostgreSQL between replicas: one holder at a time, taken over once it runs out, handed over on release.</summary>
public sealed class PostgresLeaseTests : LeaseContract, IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);
    private PostgresDatabase database = null!;

    public Task InitializeAsync()
    {
        database = PostgresDatabase.Open(PostgresServer.NewDatabase());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_held_lease_is_refused_to_another_replica()
    {
        ILeases a = Replica(), b = Replica();

        Assert.True(await a.TryHoldAsync("scheduler", CancellationToken.None));

        Assert.False(await b.TryHoldAsync("scheduler", CancellationToken.None));
        Clock.Advance(Duration.FromTimeSpan(LeaseDuration));
        Assert.False(await b.TryHoldAsync("scheduler", CancellationToken.None));
    }

    [Fact]
    public async Task Replicas_racing_for_a_free_lease_get_it_once()
    {
        var replicas = Enumerable.Range(0, 8).Select(_ => Replica()).ToList();

        var won = await Task.WhenAll(replicas.Select(r => Task.Run(() => r.TryHoldAsync("outbox:7:0", CancellationToken.None))));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task Renewing_pushes_the_expiry_so_no_one_takes_it_meanwhile()
    {
        ILeases a = Replica(), b = Replica();
        Assert.True(await a.TryHoldAsync("scheduler", CancellationToken.None));

        Clock.Advance(Duration.FromSeconds(6));
        Assert.True(await a.TryHoldAsync("scheduler", CancellationToken.None));
        Clock.Advance(Duration.FromSeconds(6));

        Assert.False(await b.TryHoldAsync("scheduler", CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_not_renewed_for_its_duration_is_taken_over_and_the_old_holder_cannot_renew_it()
    {
        ILeases a = Replica(), b = Replica();
        Assert.True(await a.TryHoldAsync("scheduler", CancellationToken.None));

        Clock.Advance(Duration.FromTimeSpan(LeaseDuration) + Duration.FromMilliseconds(1));

        Assert.True(await b.TryHoldAsync("scheduler", CancellationToken.None));
        Assert.False(await a.TryHoldAsync("scheduler", CancellationToken.None));
        Assert.Equal(b.Owner, await OwnerAsync("scheduler"));
    }

    [Fact]
    public async Task A_release_hands_the_lease_over_at_once_and_only_its_holder_releases()
    {
        ILeases a = Replica(), b = Replica();
        Assert.True(await a.TryHoldAsync("outbox:3:1", CancellationToken.None));

        await b.ReleaseAsync("outbox:3:1", CancellationToken.None);
        Assert.False(await b.TryHoldAsync("outbox:3:1", CancellationToken.None));
        await a.ReleaseAsync("outbox:3:1", CancellationToken.None);

        Assert.True(await b.TryHoldAsync("outbox:3:1", CancellationToken.None));
        Assert.False(await a.TryHoldAsync("outbox:3:1", CancellationToken.None));
    }

    private protected override ILeases Replica() => new PostgresLeases(database, new ReplicaId(), Clock, LeaseDuration);

    private async Task<string?> OwnerAsync(string name)
    {
        await using var command = database.Source.CreateCommand("SELECT owner FROM leases WHERE name = @name");
        command.Parameters.AddWithValue("name", name);
        return (string?)await command.ExecuteScalarAsync();
    }
}
