using IncidentBot.Incidents;
using IncidentBot.Storage;
using LiteDB;
using IncidentBot.Tests.Storage.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// The note store contract on LiteDB; and scribe notes name their incident and people by typed ids, stored as the plain
/// values older versions wrote and read.
/// </summary>
public sealed class LiteDbNoteStoreTests : NoteStoreContract, IAsyncLifetime
{
    private readonly LiteDatabase database = new(new MemoryStream(), BsonMappings.Create());
    private readonly GroupCommitter writer;
    private readonly LiteDbNoteStore notes;

    public LiteDbNoteStoreTests()
    {
        writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        notes = new LiteDbNoteStore(database, writer, Signals);
    }

    protected override INoteStore Notes => notes;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        database.Dispose();
    }

    protected override IReadOnlyList<OutboxMessage> StoredOutbox() => [.. database.GetCollection<OutboxMessage>("outbox").FindAll().OrderBy(m => m.Id)];

    [Fact]
    public async Task A_note_stored_with_plain_ids_reads_into_typed_ids_and_a_new_one_is_stored_the_same_way()
    {
        database.GetCollection("notes").Insert(new BsonDocument
        {
            ["_id"] = "3:1795489300.000300",
            ["IncidentId"] = 3,
            ["MessageTs"] = "1795489300.000300",
            ["Author"] = "U0LEAD",
            ["Text"] = "Rolling back",
            ["WrittenAt"] = At.ToUnixTimeMilliseconds(),
            ["AddedBy"] = "U0SCRIBE",
            ["Reactors"] = new BsonArray { "U0SCRIBE", "U0IC" },
            ["AddedAt"] = At.ToUnixTimeMilliseconds(),
            ["Source"] = "Reaction",
        });
        var typed = new ScribeNote { Key = "3:typed-1795489400.000000", IncidentId = new IncidentId(3), MessageTs = "1795489400.000000", Author = new ResponderId("U0IC"), AddedBy = new ResponderId("U0IC"), Reactors = [], WrittenAt = At, AddedAt = At, Source = NoteSource.Typed };
        await notes.TryAddAsync(typed, []);

        var older = notes.ForIncident(new IncidentId(3))[0];
        var stored = database.GetCollection("notes").FindById("3:typed-1795489400.000000");

        Assert.Equal((new IncidentId(3), (ResponderId?)new ResponderId("U0LEAD"), new ResponderId("U0SCRIBE")), (older.IncidentId, older.Author, older.AddedBy));
        Assert.Equal([new ResponderId("U0SCRIBE"), new ResponderId("U0IC")], older.MarkedBy());
        Assert.Equal((3, "U0IC", "U0IC"), (stored["IncidentId"].AsInt32, stored["Author"].AsString, stored["AddedBy"].AsString));
    }
}
