using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>What <c>AddStorage</c> registers for replicas, per provider, and two PostgreSQL hosts hearing each other's signals.</summary>
public sealed class ReplicaRegistrationTests
{
    [Fact]
    public async Task On_postgresql_leases_last_the_configured_duration_and_two_hosts_hear_each_others_signals()
    {
        var connectionString = PostgresServer.NewDatabase();
        using var a = Host(StorageProvider.PostgreSQL, connectionString);
        using var b = Host(StorageProvider.PostgreSQL, connectionString);
        await a.StartAsync();
        await b.StartAsync();
        await Eventually.TrueAsync(
            () => a.Services.GetRequiredService<PostgresSignalListener>().Listening && b.Services.GetRequiredService<PostgresSignalListener>().Listening,
            "both hosts to listen");

        var leases = a.Services.GetRequiredService<ILeases>();
        Assert.IsType<PostgresLeases>(leases);
        Assert.Equal(TimeSpan.FromSeconds(6), leases.Duration);
        Assert.NotEqual(leases.Owner, b.Services.GetRequiredService<ILeases>().Owner);
        var woken = b.Services.GetRequiredService<StoreSignals>().Incidents.Next;
        a.Services.GetRequiredService<StoreSignals>().Incidents.Notify();
        await Eventually.TrueAsync(() => woken.IsCompleted, "the other host's incident signal");

        await a.StopAsync();
        await b.StopAsync();
    }

    [Fact]
    public void On_litedb_every_lease_is_held_and_nothing_is_relayed()
    {
        using var host = Host(StorageProvider.LiteDB, null);

        Assert.IsType<SingleProcessLeases>(host.Services.GetRequiredService<ILeases>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is PostgresSignalRelay or PostgresSignalListener);
        Assert.Null(host.Services.GetService<PostgresSignalRelay>());
    }

    private static IHost Host(StorageProvider provider, string? connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider.ToString(),
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:Path"] = TestFiles.NewPath("incidentbot-reg"),
            ["Storage:LeaseDuration"] = "00:00:06",
        });
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.AddStorage();
        return builder.Build();
    }
}
