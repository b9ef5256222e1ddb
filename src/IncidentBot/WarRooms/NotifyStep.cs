using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// An escalation notice: in the war room, a channel, or a DM. Only the war room's history is searched after a crash
/// mid-call: reading a DM needs <c>im:history</c> and another channel membership, so there a rare repeat is accepted.
/// </summary>
public sealed class NotifyStep(ISlackApi slack, OutboxSlack posts) : TypedOutboxStep<Notify>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, Notify payload, CancellationToken cancellationToken)
    {
        var channel = payload.Target switch
        {
            null => attempt.WarRoom,
            ['U' or 'W', ..] user => await slack.OpenDirectMessageAsync(new SlackUserId(user), cancellationToken).ConfigureAwait(false),
            var other => new SlackChannelId(other),
        };
        await posts.PostOnceAsync(attempt, channel, payload.Message, attempt.Resumed && payload.Target is null, cancellationToken, linkNames: true).ConfigureAwait(false);
    }

    protected override Notify Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Target, new RenderedMessage(stored.Text ?? "", stored.Blocks));
    }
}
