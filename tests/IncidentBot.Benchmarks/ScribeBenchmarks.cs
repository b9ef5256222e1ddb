using System.Globalization;
using BenchmarkDotNet.Attributes;
using IncidentBot.Incidents;
using IncidentBot.Scribe;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Benchmarks;

/// <summary>
/// The scribe's reaction on a war-room message, as <see cref="ScribeReactionSubscriber"/> handles it: the incident found
/// by its war room, then <see cref="NoteTaker"/> keeping the message as a note with its follow-up outbox messages in
/// one transaction, awaited until committed. Each reaction is on a new message, as in a real war room.
/// </summary>
[MemoryDiagnoser]
public class ScribeBenchmarks
{
    private StoreBench bench = null!;
    private LiteDbIncidentStore store = null!;
    private NoteTaker noteTaker = null!;
    private string warRoom = "";
    private long message;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        bench = new StoreBench();
        store = new LiteDbIncidentStore(bench.Database, bench.Writer, bench.Signals);
        // Unbounded: the benchmark adds more notes to one incident than a real one may hold.
        noteTaker = new NoteTaker(new LiteDbNoteStore(bench.Database, bench.Writer, bench.Signals), Microsoft.Extensions.Options.Options.Create(new IncidentLimits { Notes = int.MaxValue }), new FakeClock(Samples.Declared + Duration.FromMinutes(30)));
        var incident = await store.InsertAsync(id =>
            new IncidentDeclaration(Samples.Incident(id), [OutboxMessage.For(id, new CreateWarRoom(), Samples.Declared)], new AuditEntry { IncidentId = id }));
        warRoom = incident.WarRoom.ChannelId!;
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await bench.DisposeAsync();

    [Benchmark]
    public async Task<bool> ReactionAddsNote()
    {
        var ts = string.Create(CultureInfo.InvariantCulture, $"1795489980.{++message:000000}");
        var incident = store.FindByWarRoom(new SlackChannelId(warRoom))!;
        return await noteTaker.CaptureAsync(incident, ts, new ResponderId("U0SCRIBE"), NoteSource.Reaction, author: new ResponderId("U0LEAD"));
    }
}
