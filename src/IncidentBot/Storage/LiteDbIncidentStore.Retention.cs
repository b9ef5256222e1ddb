using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>Retention on LiteDB: each batch is one write of the <see cref="GroupCommitter"/>, so it never holds the writer long.</summary>
public sealed partial class LiteDbIncidentStore
{
    private readonly LiteDatabase database;

    public Task<int> PruneOutboxAsync(OutboxState state, Instant before, int max)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(state, OutboxState.Pending);
        var query = LiteDbQueries.EqualAndBefore(nameof(OutboxMessage.State), state.ToString(), nameof(OutboxMessage.CreatedAt), before.ToUnixTimeMilliseconds());
        return writer.WriteAsync(() => LiteDbQueries.Delete(rawOutbox, rawOutbox.Find(query, limit: max).Select(d => d["_id"])));
    }

    public Task<int> PruneAuditAsync(Instant before, int max)
    {
        var raw = database.GetCollection("audit", BsonAutoId.Int64);
        var cutoff = before.ToUnixTimeMilliseconds();

        // Entries are numbered as they are written, so the oldest come first: stop at the first one still kept.
        return writer.WriteAsync(() => LiteDbQueries.Delete(raw, raw.Find(Query.All(), limit: max).TakeWhile(d => d[nameof(AuditEntry.At)].AsInt64 < cutoff).Select(d => d["_id"])));
    }

    public Task<long?> CompactAsync() => Task.Run(() =>
    {
        // Outside the writer: a checkpoint waits for the writer's transaction to end, then copies the log into the file.
        database.Checkpoint();
        using var about = database.Execute("SELECT $ FROM $database");
        return about.Read() ? about.Current["dataFileSize"].AsInt64 : (long?)null;
    });
}
