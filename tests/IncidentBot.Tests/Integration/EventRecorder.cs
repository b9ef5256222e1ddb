using IncidentBot.Slack.Inbound;

namespace IncidentBot.Tests.Integration;

/// <summary>Records the event id of each event of one type the bot hands to its subscribers.</summary>
internal sealed class EventRecorder(string eventType) : ISlackEventSubscriber
{
    private readonly List<string> seen = [];

    public string EventType => eventType;

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
    }

    public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        lock (seen)
        {
            seen.Add(slackEvent.EventId);
        }

        return Task.CompletedTask;
    }
}
