using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// Shows one person a message in the war room (or the channel it names). Someone not in that channel (a public war room
/// opened without joining) is answered through the click's response_url instead; without one they are not told.
/// </summary>
public sealed class EphemeralStep(ISlackApi slack) : TypedOutboxStep<Ephemeral>
{
    private const string NotInChannel = "user_not_in_channel";

    protected override async Task RunAsync(OutboxAttempt attempt, Ephemeral payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            await slack.PostEphemeralAsync(new SlackMessage(payload.Channel ?? attempt.WarRoom, payload.Text), payload.User, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error == NotInChannel && payload.ResponseUrl is { } responseUrl)
        {
            // The address expires 30 minutes after the click: an answer that late is left unsaid, as before.
            await OutboxSlack.IgnoringAsync(slack.RespondEphemeralAsync(responseUrl, payload.Text, cancellationToken), "expired_url", "used_url").ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error == NotInChannel)
        {
            // Nobody to tell: the person left the channel meanwhile.
        }
    }

    protected override Ephemeral Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(new SlackUserId(stored.Users.Count > 0 ? stored.Users[0] : ""), stored.Text ?? "");
    }
}
