using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Replaces a war-room message (a reminder, once answered) with one rendered when it was decided.</summary>
public sealed class UpdateMessageStep(ISlackApi slack) : TypedOutboxStep<UpdateMessage>
{
    protected override Task RunAsync(OutboxAttempt attempt, UpdateMessage payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        return slack.UpdateMessageAsync(new SlackMessage(attempt.WarRoom, payload.Message.Text, payload.Message.Blocks), payload.Ts, cancellationToken);
    }

    protected override UpdateMessage Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.TargetTs ?? "", new RenderedMessage(stored.Text ?? "", stored.Blocks));
    }
}
