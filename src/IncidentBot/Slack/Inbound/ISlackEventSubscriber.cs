namespace IncidentBot.Slack.Inbound;

/// <summary>Handles Events API events of one <see cref="EventType"/> (e.g. <c>reaction_added</c>), already de-duplicated.</summary>
public interface ISlackEventSubscriber
{
    string EventType { get; }

    Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken);
}
