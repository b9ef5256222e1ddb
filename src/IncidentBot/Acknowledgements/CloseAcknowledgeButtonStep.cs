using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;

namespace IncidentBot.Acknowledgements;

/// <summary>Edits the clicked escalation DM into the notice without its button; editing twice is harmless.</summary>
public sealed class CloseAcknowledgeButtonStep(ISlackApi slack) : TypedOutboxStep<CloseAcknowledgeButton>
{
    protected override Task RunAsync(OutboxAttempt attempt, CloseAcknowledgeButton payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);

        // A DM its reader deleted meanwhile needs no closing.
        return OutboxSlack.IgnoringAsync(
            slack.UpdateMessageAsync(new SlackMessage(new SlackChannelId(payload.Channel), payload.Message.Text, payload.Message.Blocks), payload.Ts, cancellationToken),
            "message_not_found");
    }
}
