using System.Diagnostics.Metrics;
using IncidentBot.Observability;
using IncidentBot.Scheduling;
using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Xunit.Abstractions;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>Two schedulers on one PostgreSQL database, on the default lease: the standby leads within 10 s and a third of the leader's death.</summary>
public sealed class PostgresSchedulerTakeoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = new StorageOptions().LeaseDuration;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private readonly TestTime time = new();
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private PostgresDatabase database = null!;
    private Scheduler a = null!;
    private Scheduler b = null!;

    public async Task InitializeAsync()
    {
        database = PostgresDatabase.Open(PostgresServer.NewDatabase());
        a = new Scheduler(this);
        b = new Scheduler(this);
        await a.Service.StartAsync(CancellationToken.None);
        await b.Service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await a.Service.StopAsync(CancellationToken.None);
        await b.Service.StopAsync(CancellationToken.None);
        a.Service.Dispose();
        b.Service.Dispose();
        await database.DisposeAsync();
        await meters.DisposeAsync();
    }

    [Fact]
    public async Task The_standby_leads_within_the_lease_and_a_third_of_the_leaders_last_renewal()
    {
        Assert.True(a.Leadership.Leads);
        Assert.False(b.Leadership.Leads);
        await time.AdvanceUntilAsync(() => a.Leases.Renewals >= 3, "the leader to renew", Step);

        a.Leases.Dead = true;
        var lastRenewal = a.Leases.LastHeldAt!.Value;
        await a.Service.StopAsync(CancellationToken.None);
        await time.AdvanceUntilAsync(() => b.Leadership.Leads, "the standby to lead", Step, TimeSpan.FromSeconds(30));

        var takeover = b.Leases.FirstHeldAt!.Value - lastRenewal;
        Assert.InRange(takeover, Duration.FromTimeSpan(LeaseDuration), Duration.FromTimeSpan(LeaseDuration + (LeaseDuration / 3) + (4 * Step)));
        output.WriteLine($"The standby led {takeover.TotalSeconds:0.##} s after the leader's last renewal (lease {LeaseDuration.TotalSeconds} s)");
        Assert.True(takeover <= Duration.FromSeconds(15), $"took over after {takeover}");
    }

    /// <summary>The PostgreSQL leases of one replica, which can die: then it neither renews nor releases.</summary>
    private sealed class MortalLeases(ILeases inner, IClock clock) : ILeases
    {
        public string Owner => inner.Owner;

        public TimeSpan Duration => inner.Duration;

        public bool Dead { get; set; }

        public int Renewals { get; private set; }

        public Instant? FirstHeldAt { get; private set; }

        public Instant? LastHeldAt { get; private set; }

        public async Task<bool> TryHoldAsync(string name, CancellationToken cancellationToken)
        {
            if (Dead)
            {
                return false;
            }

            var at = clock.GetCurrentInstant();
            var held = await inner.TryHoldAsync(name, cancellationToken);
            if (held)
            {
                FirstHeldAt ??= at;
                LastHeldAt = at;
                Renewals++;
            }

            return held;
        }

        public Task ReleaseAsync(string name, CancellationToken cancellationToken) => Dead ? Task.CompletedTask : inner.ReleaseAsync(name, cancellationToken);
    }

    private sealed class Scheduler
    {
        public Scheduler(PostgresSchedulerTakeoverTests test)
        {
            Leases = new MortalLeases(new PostgresLeases(test.database, new ReplicaId(), test.time, LeaseDuration), test.time);
            Service = new DueWorkService(
                [], new StoreSignals(), test.time, test.time, Leases, Leadership, new BotTelemetry(test.meters.GetRequiredService<IMeterFactory>()), NullLogger<DueWorkService>.Instance);
        }

        public MortalLeases Leases { get; }

        public SchedulerLeadership Leadership { get; } = new();

        public DueWorkService Service { get; }
    }
}
