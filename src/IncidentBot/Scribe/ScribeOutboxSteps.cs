using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Scribe;

/// <summary>The scribe lane's Slack work: permalinks, the bot's confirming reaction, and fetching text the bot never saw.</summary>
public sealed class ScribeOutboxSteps(INoteStore notes, ISlackApi slack, IOptions<IncidentsOptions> options)
{
    public async Task RunAsync(OutboxMessage message, SlackChannelId warRoom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ts = message.TargetTs ?? "";
        var reaction = options.Value.ScribeReaction;
        switch (message.Kind)
        {
            case OutboxKind.ConfirmNote:
                if (message.NoteKey is { } key && notes.Find(key) is { Permalink: null })
                {
                    var permalink = (await slack.GetPermalinkAsync(warRoom, ts, cancellationToken).ConfigureAwait(false)).ToString();
                    await notes.UpdateAsync(key, n => n.Permalink = permalink).ConfigureAwait(false);
                }

                await Harmless(slack.AddReactionAsync(warRoom, ts, reaction, cancellationToken), "already_reacted").ConfigureAwait(false);
                break;
            case OutboxKind.UnconfirmNote:
                await Harmless(slack.RemoveReactionAsync(warRoom, ts, reaction, cancellationToken), "no_reaction", "message_not_found").ConfigureAwait(false);
                break;
            case OutboxKind.FetchNoteText:
                await FetchTextAsync(message, warRoom, ts, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"{message.Kind} is not a scribe step", nameof(message));
        }
    }

    private async Task FetchTextAsync(OutboxMessage message, SlackChannelId warRoom, string ts, CancellationToken cancellationToken)
    {
        if (message.NoteKey is not { } key || notes.Find(key) is not { TextPending: true })
        {
            return;
        }

        var found = await slack.GetMessageAsync(warRoom, ts, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            // A thread reply older than the bot's copy, or a deleted message: Slack will not give its text by ts alone.
            await notes.RemoveAsync(key).ConfigureAwait(false);
            throw new SlackApiException("conversations.history", "message_not_found");
        }

        await notes.UpdateAsync(key, n =>
        {
            // An edit that arrived meanwhile is newer than what history said.
            if (n.TextPending)
            {
                n.Text = found.Text;
                n.TextPending = false;
            }

            n.Author ??= found.User;
        }).ConfigureAwait(false);
    }

    private static async Task Harmless(Task call, params string[] errors)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (errors.Contains(ex.Error))
        {
            // Already as wanted.
        }
    }
}
