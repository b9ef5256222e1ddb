using System.Collections.Concurrent;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using IncidentBot.WarRooms;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// Reads beside the one writer, far more of them at once (on thread-pool threads, as requests make them) than LiteDB has
/// transactions, on a file as the bot keeps it: none may fail for LiteDB's limit, and every change still commits.
/// </summary>
public sealed class LiteDbConcurrencyTests : IAsyncDisposable
{
    private const int Readers = 200;
    private const int ReadsEach = 20;
    private readonly string path = Path.Combine(Path.GetTempPath(), $"incidentbot-readers-{Guid.NewGuid():N}.db");
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 9, 0));
    private readonly LiteDatabase database;
    private readonly GroupCommitter writer;
    private readonly LiteDbIncidentStore store;

    public LiteDbConcurrencyTests()
    {
        database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());
        writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        store = new LiteDbIncidentStore(database, writer, new StoreSignals());
    }

    [Fact]
    public async Task Hundreds_of_reads_at_once_beside_a_busy_writer_all_answer_and_every_change_commits()
    {
        var rooms = new List<(IncidentId Id, SlackChannelId Room)>();
        for (var i = 0; i < 8; i++)
        {
            var room = new SlackChannelId($"CROOM{i}");
            var declared = await store.InsertAsync(id =>
            {
                var incident = Incident.Declare(id, $"Checkout {i}", IncidentFactory.Sev3, "", false, new ResponderId("UIC"), "CGEN", $"inc-{i}", clock.GetCurrentInstant());
                incident.UseWarRoom(new WarRoom { ChannelId = room.Value, Name = $"inc-{i}" });
                return new IncidentDeclaration(incident, [], Audit(id));
            });
            rooms.Add((declared.Id, room));
        }

        var failures = new ConcurrentQueue<Exception>();
        using var start = new ManualResetEventSlim();
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Readers + 16, io);
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            start.Wait();
            for (var n = 0; n < ReadsEach; n++)
            {
                await Task.Yield();
                var (id, room) = rooms[(r + n) % rooms.Count];
                try
                {
                    Assert.NotNull(store.FindByWarRoom(room));
                    Assert.NotNull(store.Find(id));
                    Assert.NotEmpty(store.Timeline(id));
                    _ = store.PendingInLane(id, 0, 16);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex);
                }
            }
        })).ToList();
        start.Set();

        var changes = Enumerable.Range(0, 400).Select(n => Task.Run(() => store.UpdateAsync(rooms[n % rooms.Count].Id, Audit(rooms[n % rooms.Count].Id), i =>
            IncidentChanges.Save(i.ChangeSeverity(n % 2 == 0 ? IncidentFactory.Sev1 : IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant()), OutboxMessage.For(i.Id, new CreateWarRoom(), clock.GetCurrentInstant()))))).ToList();
        await Task.WhenAll(changes).WaitAsync(TimeSpan.FromMinutes(2));
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(2));
        ThreadPool.SetMinThreads(workers, io);

        Assert.Empty(failures);
        Assert.All(changes, c => Assert.NotNull(c.Result));
        Assert.Equal(8 + 400, store.AuditLog(null).Count);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        database.Dispose();
        File.Delete(path);
        File.Delete(Path.ChangeExtension(path, null) + "-log.db");
    }

    private AuditEntry Audit(IncidentId id) =>
        new() { At = clock.GetCurrentInstant(), User = new ResponderId("UIC"), Channel = new SlackChannelId("CGEN"), IncidentId = id, Command = "/incident severity", Outcome = "ok" };
}
