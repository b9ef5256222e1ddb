using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Posts the declaration, rendered from the incident as it is then, once, and remembers its ts.</summary>
public sealed class PostDeclarationStep(OutboxSlack slack, IncidentMessages messages) : TypedOutboxStep<PostDeclaration>
{
    public override bool MayDuplicate => true;

    public override bool LearnsWarRoom => true;

    protected override async Task RunAsync(OutboxAttempt attempt, PostDeclaration payload, CancellationToken cancellationToken)
    {
        var incident = attempt.Incident;
        if (incident.WarRoom.DeclarationTs is null)
        {
            incident.WarRoom.DeclarationTs = await slack.PostOnceAsync(attempt, attempt.WarRoom, messages.Declaration(incident, attempt.Now), attempt.Resumed, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override PostDeclaration Upgrade(OutboxMessageV1 stored) => new();
}
