using LiteDB;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// A row's <c>body</c>: the document <see cref="BsonMappings"/> makes of a value, as LiteDB's JSON, so the PostgreSQL
/// store keeps exactly the shape the LiteDB store keeps and one mapping serves both.
/// </summary>
public static class PostgresBodies
{
    public static string Write<T>(BsonMapper mapper, T value)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return LiteDB.JsonSerializer.Serialize(mapper.ToDocument(value));
    }

    public static T Read<T>(BsonMapper mapper, string body)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return mapper.ToObject<T>(LiteDB.JsonSerializer.Deserialize(body).AsDocument);
    }
}
