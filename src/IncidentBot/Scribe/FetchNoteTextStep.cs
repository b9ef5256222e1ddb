using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>
/// Fetches the text of a noted message the bot never saw. When Slack will not give it, the note goes and whoever
/// marked the message is told to add it by hand.
/// </summary>
public sealed class FetchNoteTextStep(INoteStore notes, ISlackApi slack, OutboxSlack posts) : TypedOutboxStep<FetchNoteText>
{
    protected override async Task RunAsync(OutboxAttempt attempt, FetchNoteText payload, CancellationToken cancellationToken)
    {
        if (notes.Find(payload.NoteKey) is not { TextPending: true })
        {
            return;
        }

        var found = await slack.GetMessageAsync(attempt.WarRoom, payload.Ts, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            // A thread reply older than the bot's copy, or a deleted message: Slack will not give its text by ts alone.
            await notes.RemoveAsync(payload.NoteKey).ConfigureAwait(false);
            throw new SlackApiException("conversations.history", "message_not_found");
        }

        await notes.UpdateAsync(payload.NoteKey, n =>
        {
            // An edit that arrived meanwhile is newer than what history said.
            if (n.TextPending)
            {
                n.Text = found.Text;
                n.TextPending = false;
            }

            n.Author ??= found.User is { } user ? new ResponderId(user) : null;
        }).ConfigureAwait(false);
    }

    protected override async Task RefusedAsync(OutboxAttempt attempt, FetchNoteText payload, string slackError, CancellationToken cancellationToken)
    {
        if (payload.AddedBy is { } reactor && attempt.Incident.WarRoom.ChannelId is { } room)
        {
            await notes.RemoveAsync(payload.NoteKey).ConfigureAwait(false);
            var text = $"I could not read that message (Slack said `{slackError}`), so it is not on {attempt.Incident.Id}'s timeline. Add it by hand: `/incident note &lt;what it said&gt;`.";
            await posts.TellAsync(new SlackChannelId(room), reactor, text, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override FetchNoteText Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.NoteKey ?? "", stored.TargetTs ?? "", stored.Users is [var reactor] ? new SlackUserId(reactor) : null);
    }
}
