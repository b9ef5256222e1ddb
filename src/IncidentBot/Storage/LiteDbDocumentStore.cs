using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// <see cref="IDocumentStore"/> on LiteDB: a collection is the LiteDB collection of its name, its documents keyed by
/// their <c>Id</c> as <c>_id</c>, so files written before the abstraction read as they did. Writes go through the
/// <see cref="GroupCommitter"/> like every other: a second writer beside it can hand two transactions the same free
/// page of the file, which LiteDB then finds corrupt.
/// </summary>
public sealed class LiteDbDocumentStore(LiteDatabase database, GroupCommitter writer) : IDocumentStore
{
    public IDocuments<TKey, T> Collection<TKey, T>(string name)
        where TKey : notnull
        where T : class
    {
        ArgumentNullException.ThrowIfNull(database);
        return new Documents<TKey, T>(database.GetCollection<T>(name), database.Mapper, writer);
    }

    private sealed class Documents<TKey, T>(ILiteCollection<T> collection, BsonMapper mapper, GroupCommitter writer) : IDocuments<TKey, T>
        where TKey : notnull
        where T : class
    {
        public T? Find(TKey id) => LiteDbLimits.Read(() => collection.ById(mapper.Serialize(id)));

        // One query seeking each id in the _id index; the ids are its parameter, so LiteDB compiles its text once (LiteDbQueries).
        public IReadOnlyList<T> FindMany(IReadOnlyCollection<TKey> ids) =>
            LiteDbLimits.Read(() => ids.Count == 0 ? [] : collection.Find(BsonExpression.Create("$._id IN @0", new BsonArray(ids.Select(id => mapper.Serialize(id))))).ToList());

        public IReadOnlyList<T> All() => LiteDbLimits.Read(() => collection.FindAll().ToList());

        public Task UpsertAsync(T document) => writer.WriteAsync(() => collection.Upsert(document));

        public Task DeleteAsync(TKey id) => writer.WriteAsync(() => collection.Delete(mapper.Serialize(id)));
    }
}
