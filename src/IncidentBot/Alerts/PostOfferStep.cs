using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.Alerts;

/// <summary>Posts an alert's offer to declare. It has no war room to search after a crash mid-call, so there a rare repeat is accepted.</summary>
public sealed class PostOfferStep(ISlackApi slack) : TypedOutboxStep<PostOffer>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, PostOffer payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        await slack.PostMessageAsync(new SlackMessage(new SlackChannelId(payload.Channel), payload.Message.Text, payload.Message.Blocks), cancellationToken).ConfigureAwait(false);
    }

    protected override PostOffer Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.Target ?? "", new RenderedMessage(stored.Text ?? "", stored.Blocks));
    }
}
