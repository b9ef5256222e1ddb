using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Scribe;

/// <summary>Takes the bot's confirming reaction off a message whose note was removed; gone already is as wanted.</summary>
public sealed class UnconfirmNoteStep(ISlackApi slack, IOptions<IncidentsOptions> options) : TypedOutboxStep<UnconfirmNote>
{
    protected override Task RunAsync(OutboxAttempt attempt, UnconfirmNote payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var call = slack.RemoveReactionAsync(attempt.WarRoom, payload.Ts, options.Value.ScribeReaction, cancellationToken);
        return OutboxSlack.IgnoringAsync(call, "no_reaction", "message_not_found");
    }

    protected override UnconfirmNote Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.NoteKey ?? "", stored.TargetTs ?? "");
    }
}
