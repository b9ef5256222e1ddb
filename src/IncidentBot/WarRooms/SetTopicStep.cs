using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Sets the war room's topic from the incident's current state.</summary>
public sealed class SetTopicStep(ISlackApi slack) : TypedOutboxStep<SetTopic>
{
    protected override Task RunAsync(OutboxAttempt attempt, SetTopic payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return slack.SetTopicAsync(attempt.WarRoom, IncidentMessages.Topic(attempt.Incident), cancellationToken);
    }

    protected override SetTopic Upgrade(OutboxMessageV1 stored) => new();
}
