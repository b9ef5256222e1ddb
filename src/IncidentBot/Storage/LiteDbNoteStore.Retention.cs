using IncidentBot.Slack;
using LiteDB;

namespace IncidentBot.Storage;

/// <summary>Retention of the message copies on LiteDB: keyed by channel and ts, so a war room's copies are one range of the key.</summary>
public sealed partial class LiteDbNoteStore
{
    public Task<int> PruneMessagesAsync(SlackChannelId channel, int max)
    {
        var prefix = CachedMessage.KeyOf(channel, "");
        return writer.WriteAsync(() =>
        {
            var doomed = messages.Find(LiteDbQueries.StartsWith("_id", prefix), limit: max).Select(m => new BsonValue(m.Key)).ToList();
            return doomed.Count(messages.Delete);
        });
    }
}
