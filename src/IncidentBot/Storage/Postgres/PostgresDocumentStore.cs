using System.Globalization;
using LiteDB;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// <see cref="IDocumentStore"/> on PostgreSQL: every collection's documents are rows of the <c>documents</c> table,
/// keyed by collection and id (the document's <c>_id</c> as text), the body the shape LiteDB stores.
/// </summary>
public sealed class PostgresDocumentStore(PostgresDatabase database) : IDocumentStore
{
    private readonly BsonMapper mapper = BsonMappings.Create();

    public IDocuments<TKey, T> Collection<TKey, T>(string name)
        where TKey : notnull
        where T : class => new Documents<TKey, T>(database, mapper, name);

    /// <summary>An id as its text: a string as it is, a number in invariant digits.</summary>
    private static string IdText(BsonValue id) => id.IsString ? id.AsString : Convert.ToString(id.RawValue, CultureInfo.InvariantCulture) ?? "";

    private sealed class Documents<TKey, T>(PostgresDatabase database, BsonMapper mapper, string collection) : IDocuments<TKey, T>
        where TKey : notnull
        where T : class
    {
        public T? Find(TKey id)
        {
            using var command = database.Source.CreateCommand("SELECT body FROM documents WHERE collection = @collection AND id = @id");
            command.Parameters.AddWithValue("collection", collection);
            command.Parameters.AddWithValue("id", IdText(mapper.Serialize(id)));
            return command.ExecuteScalar() is string body ? PostgresBodies.Read<T>(mapper, body) : null;
        }

        public IReadOnlyList<T> FindMany(IReadOnlyCollection<TKey> ids)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            using var command = database.Source.CreateCommand("SELECT body FROM documents WHERE collection = @collection AND id = ANY(@ids)");
            command.Parameters.AddWithValue("collection", collection);
            command.Parameters.AddWithValue("ids", ids.Select(id => IdText(mapper.Serialize(id))).ToArray());
            return Bodies(command);
        }

        public IReadOnlyList<T> All()
        {
            using var command = database.Source.CreateCommand("SELECT body FROM documents WHERE collection = @collection");
            command.Parameters.AddWithValue("collection", collection);
            return Bodies(command);
        }

        public async Task UpsertAsync(T document)
        {
            var stored = mapper.ToDocument(document);
            await using var command = database.Source.CreateCommand(
                "INSERT INTO documents (collection, id, body) VALUES (@collection, @id, @body) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body");
            command.Parameters.AddWithValue("collection", collection);
            command.Parameters.AddWithValue("id", IdText(stored["_id"]));
            command.Parameters.AddWithValue("body", LiteDB.JsonSerializer.Serialize(stored));
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        public async Task DeleteAsync(TKey id)
        {
            await using var command = database.Source.CreateCommand("DELETE FROM documents WHERE collection = @collection AND id = @id");
            command.Parameters.AddWithValue("collection", collection);
            command.Parameters.AddWithValue("id", IdText(mapper.Serialize(id)));
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        private List<T> Bodies(NpgsqlCommand command)
        {
            using var reader = command.ExecuteReader();
            var all = new List<T>();
            while (reader.Read())
            {
                all.Add(PostgresBodies.Read<T>(mapper, reader.GetString(0)));
            }

            return all;
        }
    }
}
