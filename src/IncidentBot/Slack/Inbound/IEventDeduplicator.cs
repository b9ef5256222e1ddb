namespace IncidentBot.Slack.Inbound;

/// <summary>Remembers Events API event ids so that Slack's retries are processed once.</summary>
public interface IEventDeduplicator
{
    /// <summary>True the first time an id is seen; false for a repeat.</summary>
    bool TryRecord(string eventId);
}
