using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>Invites people to the war room; someone already in it is no failure.</summary>
public sealed partial class InviteStep(ISlackApi slack, ILogger<InviteStep> logger) : TypedOutboxStep<Invite>
{
    protected override async Task RunAsync(OutboxAttempt attempt, Invite payload, CancellationToken cancellationToken)
    {
        var channel = attempt.WarRoom;
        var users = payload.Users;
        try
        {
            await slack.InviteToConversationAsync(channel, users, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self" && users.Count > 1)
        {
            // One member already in the channel fails the whole call; invite one at a time so the rest still get in.
            foreach (var user in users)
            {
                await OutboxSlack.IgnoringAsync(slack.InviteToConversationAsync(channel, [user], cancellationToken), "already_in_channel", "cant_invite_self").ConfigureAwait(false);
            }
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self")
        {
            LogAlreadyIn(channel.Value);
        }
    }

    protected override Invite Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new([.. stored.Users.Select(u => new SlackUserId(u))]);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invitees already in {Channel}")]
    private partial void LogAlreadyIn(string channel);
}
