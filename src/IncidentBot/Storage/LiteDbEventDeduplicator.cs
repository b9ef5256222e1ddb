using IncidentBot.Slack.Inbound;
using LiteDB;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>
/// Keeps seen event ids in LiteDB, so a retry that arrives after a restart is still recognised.
/// Ids older than an hour (Slack retries within minutes) are dropped as new ones arrive.
/// </summary>
public sealed class LiteDbEventDeduplicator(LiteDatabase database, IClock clock) : IEventDeduplicator
{
    private static readonly Duration Keep = Duration.FromHours(1);
    private readonly ILiteCollection<BsonDocument> seen = database.GetCollection("seen_events");
    private long inserted;

    public bool TryRecord(string eventId)
    {
        var now = clock.GetCurrentInstant();
        try
        {
            seen.Insert(new BsonDocument { ["_id"] = eventId, ["at"] = now.ToUnixTimeMilliseconds() });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }

        if (Interlocked.Increment(ref inserted) % 500 == 0)
        {
            var cutoff = (now - Keep).ToUnixTimeMilliseconds();
            seen.DeleteMany(Query.LT("at", cutoff));
        }

        return true;
    }
}
