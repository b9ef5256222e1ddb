using System.Diagnostics.Metrics;
using IncidentBot.Observability;
using IncidentBot.Scheduling;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace IncidentBot.Tests.Scheduling;

/// <summary>Two replicas' schedulers on one lease table: one leads and runs the due work, the other stands by and takes over.</summary>
public sealed class DueWorkServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(9);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly TestTime time = new();
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLeaseTable table;
    private readonly Replica a;
    private readonly Replica b;

    public DueWorkServiceTests()
    {
        table = new FakeLeaseTable(time, LeaseDuration);
        a = new Replica(this, "a");
        b = new Replica(this, "b");
    }

    public async Task InitializeAsync()
    {
        await a.Service.StartAsync(CancellationToken.None);
        await b.Service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await a.Service.StopAsync(CancellationToken.None);
        await b.Service.StopAsync(CancellationToken.None);
        a.Service.Dispose();
        b.Service.Dispose();
        await meters.DisposeAsync();
    }

    [Fact]
    public async Task Only_the_replica_that_leads_runs_the_due_work()
    {
        Assert.True(a.Leadership.Leads);
        Assert.False(b.Leadership.Leads);

        // Over minutes, each one the scheduler's longest sleep: the leader looks each minute, the standby never.
        await time.AdvanceUntilAsync(() => a.Work.Runs >= 3, "the leader to run its due work three times", TimeSpan.FromSeconds(1));
        a.Signals.Incidents.Notify();
        b.Signals.Incidents.Notify();
        await Eventually.TrueAsync(() => a.Work.Runs >= 4, "the leader to run on an incident's change");

        Assert.Equal(0, b.Work.Runs);
        Assert.False(b.Leadership.Leads);
        Assert.Equal("a", table.OwnerOf(DueWorkService.Lease));
    }

    [Fact]
    public async Task A_standby_takes_over_within_the_lease_and_a_third_when_the_leader_dies()
    {
        await time.AdvanceUntilAsync(() => table.RenewedAt(DueWorkService.Lease, "a") > table.TakenAt(DueWorkService.Lease, "a"), "the leader to renew", Step);

        // A process killed: nothing of it runs any more, and it never released its lease.
        a.Leases.Dead = true;
        var lastRenewal = table.RenewedAt(DueWorkService.Lease, "a")!.Value;
        await a.Service.StopAsync(CancellationToken.None);
        await time.AdvanceUntilAsync(() => b.Leadership.Leads, "the standby to lead", Step, TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => b.Work.Runs > 0, "the new leader to run the due work");

        var takenAt = table.TakenAt(DueWorkService.Lease, "b")!.Value;
        Assert.True(takenAt - lastRenewal > Duration.FromTimeSpan(LeaseDuration), $"taken over {takenAt - lastRenewal} after the last renewal, before the lease ran out");
        Assert.True(
            takenAt - lastRenewal <= Duration.FromTimeSpan(LeaseDuration + (LeaseDuration / 3) + (5 * Step)),
            $"taken over {takenAt - lastRenewal} after the last renewal, more than the lease and a third");
    }

    [Fact]
    public async Task A_leader_that_stops_cleanly_hands_over_within_a_third_of_the_lease()
    {
        var stoppedAt = time.GetCurrentInstant();
        await a.Service.StopAsync(CancellationToken.None);

        // Released: the standby, trying meanwhile, may hold it already, which it could not while a's lease ran.
        Assert.False(a.Leadership.Leads);
        Assert.NotEqual("a", table.OwnerOf(DueWorkService.Lease));
        await time.AdvanceUntilAsync(() => b.Leadership.Leads, "the standby to lead", Step, TimeSpan.FromSeconds(30));
        Assert.True(table.TakenAt(DueWorkService.Lease, "b")!.Value - stoppedAt <= Duration.FromTimeSpan((LeaseDuration / 3) + (5 * Step)));
    }

    [Fact]
    public async Task A_leader_whose_renewal_is_refused_stops_leading()
    {
        a.Leases.Dead = true;

        await time.AdvanceUntilAsync(() => !a.Leadership.Leads, "the leader to notice it lost the lease", Step, TimeSpan.FromSeconds(30));
        var runs = a.Work.Runs;
        await time.AdvanceUntilAsync(() => b.Leadership.Leads, "the standby to lead", Step, TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => b.Work.Runs > 0, "the new leader to run the due work");

        Assert.Equal(runs, a.Work.Runs);
    }

    [Fact]
    public async Task Health_tells_the_leader_from_the_standby()
    {
        var leader = await new SchedulerHealthCheck(a.Leadership).CheckHealthAsync(new HealthCheckContext());
        var standby = await new SchedulerHealthCheck(b.Leadership).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal("leader", leader.Data["scheduler"]);
        Assert.Equal("standby", standby.Data["scheduler"]);
        Assert.Equal(HealthStatus.Healthy, standby.Status);
    }

    /// <summary>Counts its runs; nothing is ever due.</summary>
    private sealed class CountingWork : IDueWork
    {
        private int runs;

        public int Runs => Volatile.Read(ref runs);

        public Task<int> SendDueAsync()
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(0);
        }

        public Instant? NextDue() => null;
    }

    private sealed class Replica
    {
        public Replica(DueWorkServiceTests test, string name)
        {
            Leases = test.table.Join(name);
            Service = new DueWorkService(
                [Work], Signals, test.time, test.time, Leases, Leadership, new BotTelemetry(test.meters.GetRequiredService<IMeterFactory>()), NullLogger<DueWorkService>.Instance);
        }

        public FakeLeaseTable.Replica Leases { get; }

        public CountingWork Work { get; } = new();

        public StoreSignals Signals { get; } = new();

        public SchedulerLeadership Leadership { get; } = new();

        public DueWorkService Service { get; }
    }
}
