namespace IncidentBot.Slack.Inbound;

/// <summary>Runs each Events API event once, however often Slack delivers it, and only counts it as seen once handled.</summary>
public interface IEventDeduplicator
{
    /// <summary>
    /// Runs <paramref name="handle"/> (true when every handler succeeded) for the first delivery of
    /// <paramref name="eventId"/>. A delivery that arrives while that run is in progress (a retry, or the same event
    /// over HTTP and Socket Mode at once) waits for it and shares its outcome; one after it succeeded is a
    /// <see cref="SlackDispatchOutcome.Duplicate"/>. A run that failed is forgotten, so Slack's retry runs it again.
    /// </summary>
    Task<SlackDispatchOutcome> HandleOnceAsync(string eventId, Func<Task<bool>> handle);
}
