namespace IncidentBot.Storage;

/// <summary>
/// The features' small documents, one named collection each, so a feature keeps its own state without knowing the engine:
/// LiteDB's collection of that name (<see cref="LiteDbDocumentStore"/>), or the rows of that collection in PostgreSQL's
/// <c>documents</c> table (<c>Postgres.PostgresDocumentStore</c>).
/// </summary>
public interface IDocumentStore
{
    /// <summary>The collection <paramref name="name"/>, whose documents are keyed by their <c>Id</c> property of type <typeparamref name="TKey"/>.</summary>
    IDocuments<TKey, T> Collection<TKey, T>(string name)
        where TKey : notnull
        where T : class;
}
