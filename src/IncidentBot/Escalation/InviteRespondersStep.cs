using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.WarRooms;

namespace IncidentBot.Escalation;

/// <summary>
/// Looks up the people behind user groups and on-call schedules, invites them to the war room in conversations.invite
/// calls of at most <see cref="InviteBatch"/> users, and names them there, with whoever could not be reached and why.
/// Everyone it got in becomes a responder of the incident (<see cref="WarRoomMembers"/>), as someone named does, so a
/// private incident is theirs to see from anywhere. It runs in the outbox, never while Slack waits for the command's
/// answer; repeating it is harmless (Slack says who is already in, and nobody is recorded twice), and after a crash its
/// post is found again instead of made twice.
/// </summary>
public sealed class InviteRespondersStep(ResponderLookup lookup, ISlackApi slack, WarRoomMembers members, OutboxSlack posts, MessageRenderer renderer) : TypedOutboxStep<InviteResponders>
{
    /// <summary>Slack's most users in one conversations.invite call.</summary>
    public const int InviteBatch = 100;

    // Errors about the channel, not the person: one at a time would fail the same way for everyone.
    private static readonly string[] ChannelErrors = ["channel_not_found", "is_archived", "not_in_channel", "method_not_supported_for_channel_type", "missing_scope", "not_authed", "invalid_auth"];

    public override bool MayDuplicate => true;

    protected override async Task RunAsync(OutboxAttempt attempt, InviteResponders payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(payload);
        var room = attempt.WarRoom;
        var incident = attempt.Incident;
        var reach = await lookup.LookUpAsync(payload.Targets, cancellationToken).ConfigureAwait(false);

        // The reporter and the role holders were invited when they got there.
        var inRoom = incident.Roles.Select(r => r.Holder.Value).Append(incident.Reporter.Value).ToHashSet(StringComparer.Ordinal);
        var (refused, outside) = await InviteAsync(room, [.. reach.Users.Where(u => !inRoom.Contains(u.Value))], cancellationToken).ConfigureAwait(false);
        await members.RecordAsync(incident, reach.Users.Except(outside)).ConfigureAwait(false);
        if (reach.Reached.All(r => r.Users.Count == 0) && reach.Unreached.Count == 0 && refused.Count == 0)
        {
            return;
        }

        var message = renderer.Render(RespondersMessage.TemplateName, RespondersMessage.Model(incident.Id.ToString(), payload.Reason, reach, refused));
        await posts.PostOnceAsync(attempt, room, message, attempt.Resumed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Invites <paramref name="users"/> in batches; returns who Slack refused, and why, and everyone not in the war room
    /// after all: those refused and the bot itself.
    /// </summary>
    private async Task<(List<string> Refused, HashSet<SlackUserId> Outside)> InviteAsync(SlackChannelId room, IReadOnlyList<SlackUserId> users, CancellationToken ct)
    {
        var refused = new List<string>();
        var outside = new HashSet<SlackUserId>();
        foreach (var batch in users.Chunk(InviteBatch))
        {
            try
            {
                await slack.InviteToConversationAsync(room, batch, ct).ConfigureAwait(false);
            }
            catch (SlackApiException ex) when (!ex.IsTransient && !ChannelErrors.Contains(ex.Error))
            {
                // One person Slack refuses (already in, deactivated, a guest) fails the whole call: one at a time, so
                // everyone else still gets in.
                foreach (var user in batch)
                {
                    switch (await InviteOneAsync(room, user, batch.Length == 1 ? ex.Error : null, ct).ConfigureAwait(false))
                    {
                        case null or "already_in_channel":
                            break;
                        case "cant_invite_self":
                            outside.Add(user);
                            break;
                        case { } error:
                            outside.Add(user);
                            refused.Add($"{SlackText.User(user.Value)}: Slack said `{SlackText.Escape(error)}`");
                            break;
                    }
                }
            }
        }

        return (refused, outside);
    }

    /// <summary>Slack's answer to inviting <paramref name="user"/>: null when they are in now, else its error (<c>already_in_channel</c>: in already).</summary>
    private async Task<string?> InviteOneAsync(SlackChannelId room, SlackUserId user, string? knownError, CancellationToken ct)
    {
        var error = knownError;
        if (error is null)
        {
            try
            {
                await slack.InviteToConversationAsync(room, [user], ct).ConfigureAwait(false);
                return null;
            }
            catch (SlackApiException ex) when (!ex.IsTransient && !ChannelErrors.Contains(ex.Error))
            {
                error = ex.Error;
            }
        }

        return error;
    }
}
