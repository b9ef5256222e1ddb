using IncidentBot.Slack;

namespace IncidentBot.Storage;

/// <summary>What the retention work asks of the note store: the copies of a finished war room's messages removed in small batches.</summary>
public partial interface INoteStore
{
    /// <summary>Deletes at most <paramref name="max"/> kept copies of messages in <paramref name="channel"/>; returns how many. Notes stay.</summary>
    Task<int> PruneMessagesAsync(SlackChannelId channel, int max);
}
