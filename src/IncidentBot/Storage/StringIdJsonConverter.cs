using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentBot.Storage;

/// <summary>
/// Stores a typed id (a Slack user or channel) in an outbox payload as its plain string, the shape payloads had before
/// ids were typed, so messages stored by an older version are still read.
/// </summary>
public sealed class StringIdJsonConverter<TId>(Func<string, TId> read, Func<TId, string> write) : JsonConverter<TId>
    where TId : struct
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? read(reader.GetString()!) : throw new JsonException($"A {typeof(TId).Name} is stored as a string.");

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(write(value));
    }
}
