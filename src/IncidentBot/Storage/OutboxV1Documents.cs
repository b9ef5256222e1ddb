using LiteDB;

namespace IncidentBot.Storage;

/// <summary>Outbox documents as stored before typed payloads: the shared fields, and no <c>Payload</c>.</summary>
internal static class OutboxV1Documents
{
    public static int Upgrade(ILiteCollection<BsonDocument> outbox, BsonMapper mapper, Func<OutboxMessage, OutboxMessageV1, bool> upgrade)
    {
        ArgumentNullException.ThrowIfNull(upgrade);
        var stored = outbox.Find(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Pending)))
            .Where(d => !d.ContainsKey(nameof(OutboxMessage.Payload)))
            .ToList();
        var upgraded = 0;
        foreach (var document in stored)
        {
            var message = mapper.ToObject<OutboxMessage>(document);
            if (upgrade(message, Fields(document)))
            {
                // The whole document is replaced: the old fields go, the payload holds what the step needs of them.
                outbox.Update(mapper.ToDocument(message));
                upgraded++;
            }
        }

        return upgraded;
    }

    private static OutboxMessageV1 Fields(BsonDocument document) => new(
        Text(document, "Text"),
        Text(document, "BlocksJson"),
        document.TryGetValue("Users", out var users) && users.IsArray ? [.. users.AsArray.Select(u => u.AsString)] : [],
        Text(document, "TargetTs"),
        Text(document, "Target"),
        Text(document, "NoteKey"));

    private static string? Text(BsonDocument document, string field) =>
        document.TryGetValue(field, out var value) && value.IsString ? value.AsString : null;
}
