using System.Diagnostics.Metrics;
using IncidentBot.Observability;
using IncidentBot.Scheduling;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace IncidentBot.Tests.Scheduling;

/// <summary>
/// The clock moves on while the scheduler looks at what is due (a slow database, a suspended machine): what fell due in
/// the meantime goes out at once, not one whole sleep late.
/// </summary>
public sealed class DueWorkClockTests : IAsyncDisposable
{
    private readonly TestTime time = new();
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SlowLook work;
    private readonly DueWorkService service;

    public DueWorkClockTests()
    {
        work = new SlowLook(time);
        var leases = new FakeLeaseTable(time, TimeSpan.FromSeconds(9)).Join("a");
        service = new DueWorkService(
            [work], new StoreSignals(), time, time, leases, new SchedulerLeadership(), new BotTelemetry(meters.GetRequiredService<IMeterFactory>()), NullLogger<DueWorkService>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        await meters.DisposeAsync();
    }

    [Fact]
    public async Task Work_that_fell_due_while_the_scheduler_looked_runs_without_the_clock_moving_again()
    {
        await service.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => work.Runs >= 2, "the work due during the first look to run", TimeSpan.FromSeconds(5));
        Assert.Equal(work.Began + Duration.FromSeconds(2), work.SecondRunAt);
    }

    /// <summary>Its first look takes two seconds of the clock; something is due one second after it began.</summary>
    private sealed class SlowLook(TestTime time) : IDueWork
    {
        private int runs;

        public Instant Began { get; } = time.GetCurrentInstant();

        public Instant? SecondRunAt { get; private set; }

        public int Runs => Volatile.Read(ref runs);

        public Task<int> SendDueAsync()
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }
            else
            {
                SecondRunAt ??= time.GetCurrentInstant();
            }

            return Task.FromResult(0);
        }

        public Instant? NextDue() => Runs == 1 ? Began + Duration.FromSeconds(1) : null;
    }
}
