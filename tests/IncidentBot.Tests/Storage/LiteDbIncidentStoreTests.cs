using System.Collections;
using System.Reflection;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Storage;

/// <summary>The store contract on LiteDB, and what only the LiteDB file has: documents older versions wrote into it.</summary>
public sealed class LiteDbIncidentStoreTests : IncidentStoreContract
{
    private readonly string path = TestFiles.NewPath("incidentbot-store");
    private LiteDatabase database = null!;
    private GroupCommitter writer = null!;

    private protected override IIncidentStore Open(StoreSignals signals, IReadOnlyList<IIncidentChangeListener> listeners)
    {
        database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());
        writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        return new LiteDbIncidentStore(database, writer, signals, listeners);
    }

    private protected override async Task CloseAsync()
    {
        await writer.DisposeAsync();
        database.Dispose();
    }

    private protected override void Delete() => File.Delete(path);

    private protected override Task StoreRawIncidentAsync(BsonDocument incident)
    {
        database.GetCollection("incidents").Insert(incident);
        return Task.CompletedTask;
    }

    private protected override Task StoreRawAuditAsync(BsonDocument entry)
    {
        database.GetCollection("audit", BsonAutoId.Int64).Insert(entry);
        return Task.CompletedTask;
    }

    private protected override BsonDocument FirstStoredAudit() => database.GetCollection("audit").FindAll().First();

    private protected override IReadOnlyList<BsonDocument> StoredTimeline(TimelineKind kind) =>
        database.GetCollection("timeline").Find(Query.EQ("kind", kind.ToString())).ToList();

    [Fact]
    public async Task A_timeline_kept_inside_the_incident_by_an_older_version_is_moved_out_once_and_kept_whole()
    {
        await CloseAsync();
        File.Delete(path);
        var old = IncidentFactory.Declare(Clock.GetCurrentInstant());
        old.PostUpdate("Rolled back the deploy", IncidentFactory.Sev3, new ResponderId("UIC"), Clock.GetCurrentInstant());
        List<TimelineEntry> written = [.. old.Recorded];
        using (var legacy = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create()))
        {
            var document = legacy.Mapper.ToDocument(old);
            document["Timeline"] = new BsonArray(written.Select(e => legacy.Mapper.Serialize(e)));
            legacy.GetCollection("incidents").Insert(document);
        }

        Open(new StoreSignals(), []);
        await ReopenAsync();

        Assert.Equal(written, Store.Timeline(old.Id));
        Assert.False(database.GetCollection("incidents").FindById(old.Id.Value).ContainsKey("Timeline"));
        Assert.Equal("Checkout returns 500s", Store.Find(old.Id)!.Title);
    }

    [Fact]
    public async Task Queries_asked_with_ever_new_values_leave_LiteDBs_compiled_expressions_as_they_were()
    {
        var now = Clock.GetCurrentInstant();
        await Ask(0);
        var before = CompiledExpressions();

        for (var n = 1; n <= 200; n++)
        {
            await Ask(n);
        }

        // LiteDB keeps each distinct expression text's compiled code for good: one text per query, whatever its values.
        // Other tests beside this one may add their own first few; a value in the text would add 200 per query.
        Assert.InRange(CompiledExpressions() - before, 0, 100);

        async Task Ask(int n)
        {
            var at = now + NodaTime.Duration.FromMinutes(n);
            Store.DueForReminder(at);
            Store.DeclaredBetween(at - NodaTime.Duration.FromDays(1), at);
            Store.Timeline(new IncidentId(1000 + n));
            await Store.PruneOutboxAsync(OutboxState.Done, at - NodaTime.Duration.FromDays(7), 10);
            await Store.PruneAuditAsync(at - NodaTime.Duration.FromDays(400), 10);
        }
    }

    /// <summary>How many compiled expressions LiteDB's static caches hold, this process's whole life.</summary>
    private static int CompiledExpressions() =>
        typeof(BsonExpression).GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Select(f => f.GetValue(null))
            .OfType<ICollection>()
            .Sum(c => c.Count);
}
