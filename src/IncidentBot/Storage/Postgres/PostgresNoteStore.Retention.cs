using IncidentBot.Slack;

namespace IncidentBot.Storage.Postgres;

/// <summary>Retention of the message copies on PostgreSQL: a war room's copies are the keys that start with its channel.</summary>
public sealed partial class PostgresNoteStore
{
    public async Task<int> PruneMessagesAsync(SlackChannelId channel, int max)
    {
        await using var delete = source.CreateCommand("DELETE FROM messages WHERE key IN (SELECT key FROM messages WHERE starts_with(key, @prefix) LIMIT @max)");
        delete.Parameters.AddWithValue("prefix", CachedMessage.KeyOf(channel, ""));
        delete.Parameters.AddWithValue("max", max);
        return await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
