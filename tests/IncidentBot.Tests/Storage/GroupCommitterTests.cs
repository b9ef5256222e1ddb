using System.Collections.Concurrent;
using IncidentBot.Storage;
using IncidentBot.Tests.Integration;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Storage;

public sealed class GroupCommitterTests
{
    private const int LiteDbTransactionLimit = 100;

    [Fact]
    public async Task With_every_LiteDB_transaction_taken_a_write_waits_and_commits_once_one_is_free_and_the_writer_lives_on()
    {
        using var database = new LiteDatabase(new MemoryStream(), BsonMappings.Create());
        var waiting = new WarningSeen();
        await using var writer = new GroupCommitter(database, waiting);
        var notes = database.GetCollection("notes");
        using var release = new ManualResetEventSlim();
        using var held = new CountdownEvent(LiteDbTransactionLimit);
        var holders = Enumerable.Range(0, LiteDbTransactionLimit).Select(_ => new Thread(() =>
        {
            database.BeginTrans();
            held.Signal();
            release.Wait();
            database.Rollback();
        })).ToList();
        holders.ForEach(t => t.Start());
        held.Wait();

        var first = writer.WriteAsync(() => notes.Insert(new BsonDocument { ["text"] = "said during the burst" }));
        // The writer says it waits for a free transaction: the write is refused, not lost, and not done yet.
        await waiting.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(first.IsCompleted);

        release.Set();
        holders.ForEach(t => t.Join());
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.WriteAsync(() => notes.Insert(new BsonDocument { ["text"] = "said after it" })).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["said during the burst", "said after it"], notes.FindAll().Select(d => d["text"].AsString));
    }

    [Fact]
    public async Task A_flood_of_deferred_audits_stays_within_its_bound_is_counted_and_a_change_queued_after_it_joins_the_next_commit()
    {
        using var database = new LiteDatabase(new MemoryStream(), BsonMappings.Create());
        await using var writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance, laterCapacity: 1000);
        var order = new ConcurrentQueue<string>();
        using var busy = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var blocked = writer.WriteAsync(() =>
        {
            busy.Set();
            gate.Wait();
            return true;
        });
        busy.Wait();

        // The writer is held inside a commit: everything below waits in its queues, in the order it arrived.
        var kept = Enumerable.Range(0, 10_000).Select(n => writer.TryWriteLater(() => order.Enqueue("audit"))).Count(t => t is not null);
        Assert.Equal(1000, kept);
        Assert.Equal(1000, writer.Deferred);
        Assert.Equal(10_000 - 1000, writer.Shed);
        var change = writer.WriteAsync(() =>
        {
            order.Enqueue("change");
            return true;
        });

        gate.Set();
        await Task.WhenAll(blocked, change).WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => order.Count == 1001, "every audit kept is written");

        // The change is in the first commit after the held one, beside at most its room of audits, not behind all 1,000.
        Assert.Equal(GroupCommitter.MaxLaterPerBatch, order.ToList().IndexOf("change"));
        Assert.Equal(0, writer.Deferred);
    }

    [Fact]
    public async Task A_change_that_finds_the_queue_full_waits_for_room_and_is_committed_not_lost()
    {
        using var database = new LiteDatabase(new MemoryStream(), BsonMappings.Create());
        await using var writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance, capacity: 4);
        var notes = database.GetCollection("notes");
        using var busy = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var blocked = writer.WriteAsync(() =>
        {
            busy.Set();
            gate.Wait();
            return notes.Insert(new BsonDocument { ["n"] = 0 });
        });
        busy.Wait();
        var queued = Enumerable.Range(1, 4).Select(n => writer.WriteAsync(() => notes.Insert(new BsonDocument { ["n"] = n }))).ToList();

        var waiting = writer.WriteAsync(() => notes.Insert(new BsonDocument { ["n"] = 5 }));
        Assert.Equal(4, writer.Queued);
        Assert.False(waiting.IsCompleted);

        gate.Set();
        await Task.WhenAll([blocked, .. queued, waiting]).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([0, 1, 2, 3, 4, 5], notes.FindAll().Select(d => d["n"].AsInt32));
    }

    [Fact]
    public async Task Once_no_change_waits_the_writer_copies_a_grown_log_into_the_data_file_and_the_change_is_kept()
    {
        var folder = Directory.CreateTempSubdirectory("group-commit-");
        try
        {
            var file = Path.Combine(folder.FullName, "bot.db");
            var log = Path.Combine(folder.FullName, "bot-log.db");
            var text = new string('x', (GroupCommitter.IdleCheckpointPages + 8) * 8192);
            using (var database = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }, BsonMappings.Create()))
            {
                await using var writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance, file);
                var notes = database.GetCollection("notes");
                await writer.WriteAsync(() => notes.Insert(new BsonDocument { ["text"] = text }));

                // LiteDB alone would leave these pages in its log until it held 1,000.
                await Eventually.TrueAsync(() => !File.Exists(log) || new FileInfo(log).Length == 0, "the log is copied into the data file");
            }

            using var reopened = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }, BsonMappings.Create());
            Assert.Equal(text, reopened.GetCollection("notes").FindAll().Single()["text"].AsString);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Completes <see cref="Seen"/> when the writer logs its first warning (LiteDB's transaction limit).</summary>
    private sealed class WarningSeen : ILogger<GroupCommitter>
    {
        private readonly TaskCompletionSource seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => seen.Task;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                seen.TrySetResult();
            }
        }
    }
}
