using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Storage;
using IncidentBot.Tests.Storage.Contracts;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Storage;

/// <summary>The documents contract on LiteDB, and files written before it: their collections read and are written in the shape they had.</summary>
public sealed class LiteDbDocumentStoreTests : DocumentStoreContract, IAsyncLifetime
{
    private readonly LiteDatabase database = new(new MemoryStream(), BsonMappings.Create());
    private readonly GroupCommitter writer;
    private readonly LiteDbDocumentStore documents;

    public LiteDbDocumentStoreTests()
    {
        writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        documents = new LiteDbDocumentStore(database, writer);
    }

    protected override IDocumentStore Documents => documents;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task An_upload_record_of_an_older_file_keyed_by_its_Int64_outbox_id_reads_and_is_rewritten_the_same_way()
    {
        database.GetCollection("postmortem_uploads").Insert(new BsonDocument
        {
            ["_id"] = new BsonValue(12L),
            ["IncidentId"] = 3,
            ["FileId"] = "F012",
            ["UploadedAt"] = At.ToUnixTimeMilliseconds(),
            ["SharedAt"] = BsonValue.Null,
        });
        var store = new PostmortemUploadStore(documents);

        var older = store.Find(12)!;
        older.SharedAt = At;
        await store.SaveAsync(older);

        var stored = Assert.Single(database.GetCollection("postmortem_uploads").FindAll());
        Assert.Equal((new IncidentId(3), "F012"), (older.IncidentId, older.FileId));
        Assert.Equal((BsonType.Int64, 12L, At.ToUnixTimeMilliseconds()), (stored["_id"].Type, stored["_id"].AsInt64, stored["SharedAt"].AsInt64));
    }
}
