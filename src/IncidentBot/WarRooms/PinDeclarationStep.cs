using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Pins the declaration; one pinned already is the outcome wanted.</summary>
public sealed class PinDeclarationStep(ISlackApi slack) : TypedOutboxStep<PinDeclaration>
{
    protected override async Task RunAsync(OutboxAttempt attempt, PinDeclaration payload, CancellationToken cancellationToken)
    {
        if (attempt.Incident.WarRoom.DeclarationTs is { } ts)
        {
            await OutboxSlack.IgnoringAsync(slack.AddPinAsync(attempt.WarRoom, ts, cancellationToken), "already_pinned").ConfigureAwait(false);
        }
    }

    protected override PinDeclaration Upgrade(OutboxMessageV1 stored) => new();
}
