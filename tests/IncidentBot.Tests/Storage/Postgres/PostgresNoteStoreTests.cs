using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Storage.Contracts;
using LiteDB;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>The note store contract on PostgreSQL, and the rows it writes: a body in the shape LiteDB keeps, beside the columns looked up by.</summary>
public sealed class PostgresNoteStoreTests : NoteStoreContract, IAsyncLifetime
{
    private readonly BsonMapper mapper = BsonMappings.Create();
    private PostgresDatabase database = null!;
    private PostgresNoteStore notes = null!;

    protected override INoteStore Notes => notes;

    public Task InitializeAsync()
    {
        database = PostgresDatabase.Open(PostgresServer.NewDatabase());
        notes = new PostgresNoteStore(database, Signals);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    protected override IReadOnlyList<OutboxMessage> StoredOutbox()
    {
        using var command = database.Source.CreateCommand("SELECT id, body FROM outbox ORDER BY id");
        using var reader = command.ExecuteReader();
        var stored = new List<OutboxMessage>();
        while (reader.Read())
        {
            var message = PostgresBodies.Read<OutboxMessage>(mapper, reader.GetString(1));
            Assert.Equal(reader.GetInt64(0), message.Id);
            stored.Add(message);
        }

        return stored;
    }

    [Fact]
    public async Task A_note_s_row_keeps_the_shape_the_LiteDB_file_keeps()
    {
        var note = Note("1795489300.000300");
        await notes.TryAddAsync(note, []);

        await using var command = database.Source.CreateCommand("SELECT incident, body FROM notes WHERE key = '3:1795489300.000300'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var body = LiteDB.JsonSerializer.Deserialize(reader.GetString(1)).AsDocument;

        Assert.Equal(3, reader.GetInt32(0));
        Assert.Equal(mapper.ToDocument(note), body);
        Assert.Equal(("3:1795489300.000300", 3, "U0LEAD"), (body["_id"].AsString, body["IncidentId"].AsInt32, body["Author"].AsString));
    }
}
