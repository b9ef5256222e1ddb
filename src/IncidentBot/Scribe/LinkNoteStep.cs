using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>Records the permalink of a message put on the timeline from another channel, once.</summary>
public sealed class LinkNoteStep(INoteStore notes, ISlackApi slack) : TypedOutboxStep<LinkNote>
{
    protected override async Task RunAsync(OutboxAttempt attempt, LinkNote payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (notes.Find(payload.NoteKey) is { Permalink: null })
        {
            var permalink = (await slack.GetPermalinkAsync(new SlackChannelId(payload.Channel), payload.Ts, cancellationToken).ConfigureAwait(false)).ToString();
            await notes.UpdateAsync(payload.NoteKey, n => n.Permalink = permalink).ConfigureAwait(false);
        }
    }
}
