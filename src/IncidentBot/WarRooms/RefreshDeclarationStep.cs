using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Edits the pinned declaration to show the incident as it is now.</summary>
public sealed class RefreshDeclarationStep(ISlackApi slack, IncidentMessages messages) : TypedOutboxStep<RefreshDeclaration>
{
    protected override async Task RunAsync(OutboxAttempt attempt, RefreshDeclaration payload, CancellationToken cancellationToken)
    {
        if (attempt.Incident.WarRoom.DeclarationTs is { } ts)
        {
            var declaration = messages.Declaration(attempt.Incident, attempt.Now);
            await slack.UpdateMessageAsync(new SlackMessage(attempt.WarRoom, declaration.Text, declaration.Blocks), ts, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override RefreshDeclaration Upgrade(OutboxMessageV1 stored) => new();
}
