using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Shows one person a message in the war room (or the channel it names); gone from it meanwhile, they are not told.</summary>
public sealed class EphemeralStep(ISlackApi slack) : TypedOutboxStep<Ephemeral>
{
    protected override Task RunAsync(OutboxAttempt attempt, Ephemeral payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var call = slack.PostEphemeralAsync(new SlackMessage(payload.Channel ?? attempt.WarRoom, payload.Text), payload.User, cancellationToken);
        return OutboxSlack.IgnoringAsync(call, "user_not_in_channel");
    }

    protected override Ephemeral Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(new SlackUserId(stored.Users.Count > 0 ? stored.Users[0] : ""), stored.Text ?? "");
    }
}
