using LiteDB;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// Why the bot checkpoints its LiteDB file after retention and does not rebuild it: LiteDB 5.0.21's <c>Rebuild</c> refuses
/// a collection with a secondary index and more than about 2,550 documents ("Detected loop in FindAll"), and leaves the
/// engine closed (every later read or write throws until the file is opened again); the audit log,
/// the notes and the timeline pass that within weeks. It copies every document into a new file in one transaction and then
/// builds the indexes there, and bounds an index walk by that file's size while it is still empty (about 10 pages ×
/// 255 entries). The day this fails, LiteDB has fixed it and a scheduled rebuild can be weighed again (with the reads held
/// too: <c>Rebuild</c> closes the engine under them, see docs/PERFORMANCE.md).
/// </summary>
public sealed class LiteDbRebuildTests
{
    [Theory]
    [InlineData(2500, true)]
    [InlineData(2600, false)]
    public void Rebuild_refuses_an_indexed_collection_of_more_than_about_2550_documents_and_leaves_the_engine_closed(int documents, bool rebuilds)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = TestFiles.NewPath("incidentbot-rebuild"), Connection = ConnectionType.Direct });
        var audit = database.GetCollection("audit", BsonAutoId.Int64);
        audit.EnsureIndex("IncidentId");
        audit.InsertBulk(Enumerable.Range(0, documents).Select(n => new BsonDocument { ["IncidentId"] = n / 4, ["Command"] = "/incident list" }));

        var failure = Record.Exception(() => database.Rebuild());

        Assert.True(rebuilds == (failure is null), failure?.ToString());
        if (rebuilds)
        {
            Assert.Equal(documents, audit.Count());
        }
        else
        {
            Assert.Equal("Detected loop in FindAll({0})", Assert.IsType<LiteException>(failure).Message);
            Assert.Throws<ObjectDisposedException>(() => audit.Count());
        }
    }
}
