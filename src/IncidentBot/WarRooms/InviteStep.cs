using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// Invites people to the war room; someone already in it is no failure. Everyone in it then (not the bot itself) is a
/// responder of the incident (<see cref="WarRoomMembers"/>).
/// </summary>
public sealed partial class InviteStep(ISlackApi slack, WarRoomMembers members, ILogger<InviteStep> logger) : TypedOutboxStep<Invite>
{
    protected override async Task RunAsync(OutboxAttempt attempt, Invite payload, CancellationToken cancellationToken)
    {
        var channel = attempt.WarRoom;
        var users = payload.Users;
        IReadOnlyList<SlackUserId> invited = users;
        try
        {
            await slack.InviteToConversationAsync(channel, users, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self" && users.Count > 1)
        {
            // One member already in the channel fails the whole call; invite one at a time so the rest still get in.
            var people = new List<SlackUserId>();
            foreach (var user in users)
            {
                if (await InviteOneAsync(channel, user, cancellationToken).ConfigureAwait(false))
                {
                    people.Add(user);
                }
            }

            invited = people;
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self")
        {
            LogAlreadyIn(channel.Value);
            invited = ex.Error == "cant_invite_self" ? [] : users;
        }

        await members.RecordAsync(attempt.Incident, invited).ConfigureAwait(false);
    }

    protected override Invite Upgrade(OutboxMessageV1 stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new([.. stored.Users.Select(u => new SlackUserId(u))]);
    }

    /// <summary>Whether <paramref name="user"/> is in the war room now (invited, or already there); false for the bot itself.</summary>
    private async Task<bool> InviteOneAsync(SlackChannelId channel, SlackUserId user, CancellationToken ct)
    {
        try
        {
            await slack.InviteToConversationAsync(channel, [user], ct).ConfigureAwait(false);
            return true;
        }
        catch (SlackApiException ex) when (ex.Error is "already_in_channel" or "cant_invite_self")
        {
            return ex.Error == "already_in_channel";
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invitees already in {Channel}")]
    private partial void LogAlreadyIn(string channel);
}
