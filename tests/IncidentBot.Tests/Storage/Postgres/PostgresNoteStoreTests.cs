using IncidentBot.Incidents;
using IncidentBot.Scribe;
using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Storage.Contracts;
using IncidentBot.Tests.Integration;
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
            stored.Add(PostgresRows.ReadOutbox(mapper, reader.GetInt64(0), reader.GetString(1)));
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

    [Fact]
    public async Task Follow_ups_wait_for_a_change_that_holds_the_incident_so_a_lane_s_ids_commit_in_order()
    {
        await using (var incident = database.Source.CreateCommand("INSERT INTO incidents (id, status, declared_at, body) VALUES (3, 'Investigating', 1, '{}')"))
        {
            await incident.ExecuteNonQueryAsync();
        }

        await using var change = await database.Source.OpenConnectionAsync();
        await using var holding = await change.BeginTransactionAsync();
        await PostgresRows.LockIncidentsAsync(change, [new IncidentId(3)]);

        var adding = notes.TryAddAsync(Note("1795489300.000300"), [OutboxMessage.For(new IncidentId(3), new ConfirmNote("3:1795489300.000300", "1795489300.000300"), At).InLane(OutboxMessage.ScribeLane)]);
        await Eventually.TrueAsync(() => BlockedBy(change.ProcessID) == 1, "the note's follow-ups to wait for the incident");
        Assert.False(adding.IsCompleted);
        Assert.Empty(StoredOutbox());
        await holding.CommitAsync();

        Assert.True(await adding);
        Assert.Single(StoredOutbox());
    }

    /// <summary>How many sessions wait for a lock the session <paramref name="holder"/> holds.</summary>
    private long BlockedBy(int holder)
    {
        using var command = database.Source.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE @holder = ANY(pg_blocking_pids(pid))");
        command.Parameters.AddWithValue("holder", holder);
        return (long)command.ExecuteScalar()!;
    }
}
