using IncidentBot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;

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
