using BenchmarkDotNet.Attributes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Benchmarks;

/// <summary>
/// An <c>/incident update</c> as the store sees it: the latest incident read, the update decided, and the incident, its
/// two outbox messages and the audit entry written in one transaction, awaited until committed. The updates rotate
/// over a pool of incidents so no incident's timeline grows far beyond a real one's during a run.
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private const int Pool = 2048;
    private const int Burst = 16;
    private StoreBench bench = null!;
    private LiteDbIncidentStore store = null!;
    private Severity severity = null!;
    private RenderedMessage update = null!;
    private Instant now;
    private int next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        bench = new StoreBench();
        store = new LiteDbIncidentStore(bench.Database, bench.Writer, bench.Signals);
        severity = Samples.Scheme.Find("sev1")!;
        now = Samples.Declared + Duration.FromMinutes(30);
        await Task.WhenAll(Enumerable.Range(0, Pool).Select(_ => store.InsertAsync(id =>
            new IncidentDeclaration(Samples.Incident(id), [OutboxMessage.For(id, new CreateWarRoom(), Samples.Declared)], new AuditEntry { IncidentId = id, Command = "/incident declare" }))));

        // Rendering is measured on its own; here the outbox message carries an update as rendered, like the handler's.
        update = Samples.Messages().Update(Samples.Incident(new IncidentId(1)), Samples.Commander, Samples.UpdateText, now);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await bench.DisposeAsync();

    [Benchmark]
    public Task<IncidentChange<string>?> OneUpdate() => UpdateAsync(NextId());

    [Benchmark(OperationsPerInvoke = Burst)]
    public Task<IncidentChange<string>?[]> ConcurrentUpdates()
    {
        var updates = new Task<IncidentChange<string>?>[Burst];
        for (var i = 0; i < Burst; i++)
        {
            updates[i] = UpdateAsync(NextId());
        }

        return Task.WhenAll(updates);
    }

    private IncidentId NextId() => new((next++ % Pool) + 1);

    private Task<IncidentChange<string>?> UpdateAsync(IncidentId id)
    {
        var entry = new AuditEntry { At = now, User = Samples.Commander, Channel = new SlackChannelId($"C0WAR{id.Value:00000}"), IncidentId = id, Command = "/incident update " + Samples.UpdateText };
        return store.UpdateAsync(id, entry, incident =>
        {
            var decision = incident.PostUpdate(Samples.UpdateText, severity, Samples.Commander, now);
            if (!decision.Applied)
            {
                return IncidentChanges.Keep(decision.Refusal!);
            }

            var post = OutboxMessage.For(id, new Post(update), now);
            entry.Outcome = "done";
            return IncidentChanges.Save("Update posted.", post, OutboxMessage.For(id, new RefreshDeclaration(), now));
        });
    }
}
