using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Scribe;

/// <summary>Records the noted message's permalink (once) and adds the bot's confirming reaction.</summary>
public sealed class ConfirmNoteStep(INoteStore notes, ISlackApi slack, IOptions<IncidentsOptions> options) : TypedOutboxStep<ConfirmNote>
{
    protected override async Task RunAsync(OutboxAttempt attempt, ConfirmNote payload, CancellationToken cancellationToken)
    {
        var warRoom = attempt.WarRoom;
        if (notes.Find(payload.NoteKey) is { Permalink: null })
        {
            var permalink = (await slack.GetPermalinkAsync(warRoom, payload.Ts, cancellationToken).ConfigureAwait(false)).ToString();
            await notes.UpdateAsync(payload.NoteKey, n => n.Permalink = permalink).ConfigureAwait(false);
        }

        await OutboxSlack.IgnoringAsync(slack.AddReactionAsync(warRoom, payload.Ts, options.Value.ScribeReaction, cancellationToken), "already_reacted").ConfigureAwait(false);
    }

    protected override ConfirmNote Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.NoteKey ?? "", stored.TargetTs ?? "");
    }
}
