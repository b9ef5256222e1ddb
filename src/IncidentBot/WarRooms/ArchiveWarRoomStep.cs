using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Archives the war room; one archived already is the outcome wanted.</summary>
public sealed class ArchiveWarRoomStep(ISlackApi slack) : TypedOutboxStep<ArchiveWarRoom>
{
    protected override Task RunAsync(OutboxAttempt attempt, ArchiveWarRoom payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return OutboxSlack.IgnoringAsync(slack.ArchiveConversationAsync(attempt.WarRoom, cancellationToken), "already_archived");
    }

    protected override ArchiveWarRoom Upgrade(OutboxMessageV1 stored) => new();
}
