using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Posts a message rendered when it was decided in the war room, once.</summary>
public sealed class PostStep(OutboxSlack slack) : TypedOutboxStep<Post>
{
    public override bool MayDuplicate => true;

    protected override Task RunAsync(OutboxAttempt attempt, Post payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        return slack.PostOnceAsync(attempt, attempt.WarRoom, payload.Message, attempt.Resumed, cancellationToken);
    }

    protected override Post Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(new RenderedMessage(stored.Text ?? "", stored.Blocks));
    }
}
