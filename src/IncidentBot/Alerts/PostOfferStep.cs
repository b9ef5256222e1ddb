using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Alerts;

/// <summary>
/// Posts an alert's offer to declare and keeps where, so a withdrawal can edit it. It has no war room to search after a
/// crash mid-call, so there a rare repeat is accepted. An offer withdrawn before its turn is not posted, even when the
/// alert fired again meanwhile (that offering has a post of its own); one withdrawn
/// in the moment it is posted keeps its button, whose click is told the alert is no longer on offer).
/// </summary>
public sealed class PostOfferStep(ISlackApi slack, AlertOffers offers) : TypedOutboxStep<PostOffer>
{
    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, PostOffer payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.OfferId is { } id && offers.Find(id)?.Offering != payload.Offering)
        {
            return;
        }

        var posted = await slack.PostMessageAsync(new SlackMessage(new SlackChannelId(payload.Channel), payload.Message.Text, payload.Message.Blocks), cancellationToken).ConfigureAwait(false);
        if (payload is { OfferId: { } offered, Offering: { } offering })
        {
            await offers.PostedAsync(offered, offering, payload.Channel, posted.Ts).ConfigureAwait(false);
        }
    }
}
