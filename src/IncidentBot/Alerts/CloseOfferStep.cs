using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Alerts;

/// <summary>Edits an alert's offer to declare into the line that says who declared it; editing twice is harmless.</summary>
public sealed class CloseOfferStep(ISlackApi slack) : TypedOutboxStep<CloseOffer>
{
    protected override Task RunAsync(OutboxAttempt attempt, CloseOffer payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return slack.UpdateMessageAsync(new SlackMessage(new SlackChannelId(payload.Channel), payload.Message.Text, payload.Message.Blocks), payload.Ts, cancellationToken);
    }
}
