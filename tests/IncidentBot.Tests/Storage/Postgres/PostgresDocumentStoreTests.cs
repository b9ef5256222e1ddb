using IncidentBot.Postmortems;
using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Storage.Contracts;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>The documents contract on PostgreSQL: rows of the one <c>documents</c> table, told apart by collection.</summary>
public sealed class PostgresDocumentStoreTests : DocumentStoreContract, IAsyncLifetime
{
    private PostgresDatabase database = null!;
    private PostgresDocumentStore documents = null!;

    protected override IDocumentStore Documents => documents;

    public Task InitializeAsync()
    {
        database = PostgresDatabase.Open(PostgresServer.NewDatabase());
        documents = new PostgresDocumentStore(database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_document_s_row_is_keyed_by_collection_and_id_as_text()
    {
        await documents.Collection<long, PostmortemUploadRecord>("postmortem_uploads")
            .UpsertAsync(new PostmortemUploadRecord { Id = 9_000_000_000, FileId = "F9", UploadedAt = At });

        await using var command = database.Source.CreateCommand("SELECT collection || '/' || id FROM documents");
        Assert.Equal("postmortem_uploads/9000000000", await command.ExecuteScalarAsync());
    }
}
