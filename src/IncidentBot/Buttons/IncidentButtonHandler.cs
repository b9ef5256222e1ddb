using System.Globalization;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Buttons;

/// <summary>
/// The clicks on <see cref="IncidentButtons"/>, each asking the same authority rules as its command. "Take command" is
/// <c>/incident commander me</c>, decided inside the write, so of two people who click at once one gets command and the
/// other is told who has it, privately where they clicked. "Post update" opens the update form; "Join war room" invites the clicker (a private
/// incident only its members). A refusal made before any write is shown in a small modal, as the click may come from a
/// channel the clicker alone cannot be told in; views.open needs the click's trigger id within 3 s, so it is made here.
/// </summary>
public sealed class IncidentButtonHandler(IIncidentStore store, IncidentChanger changer, ISlackApi slack, IClock clock) : IBlockActionHandler
{
    public IReadOnlyCollection<string> ActionIds => IncidentButtons.All;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || store.Find(new IncidentId(number)) is not { } incident
            || incident.WarRoom.ChannelId is null)
        {
            return;
        }

        var who = new ResponderId(payload.UserId.Value);
        var channel = payload.ChannelId;
        var now = clock.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = who, Channel = channel ?? default, IncidentId = incident.Id, Command = "button " + action.ActionId, Outcome = "done" };
        switch (action.ActionId)
        {
            case IncidentButtons.TakeCommand:
                // The refusal goes where the click was made: the war room, the channel of the announcement, or (from
                // App Home, which has no channel) a pop-up.
                var outcome = await changer.ApplyAsync(new ChangeRequest(incident.Id, who, channel, audit, Authorize.Role(IncidentRole.Commander, who), latest => latest.AssignRole(IncidentRole.Commander, who, who, now))
                {
                    OnRefused = (latest, refusal) => channel is { } clicked
                        ? [OutboxMessage.For(latest.Id, new Ephemeral(new SlackUserId(who.Value), refusal, clicked.Value == latest.WarRoom.ChannelId ? null : clicked, payload.ResponseUri), now)]
                        : [],
                }).ConfigureAwait(false);
                if (channel is null && !outcome.Done)
                {
                    await slack.OpenViewAsync(payload.TriggerId, BlockKit.Notice("Not done", outcome.RefusalText), cancellationToken).ConfigureAwait(false);
                }

                break;
            case IncidentButtons.PostUpdate when changer.Refusal(incident, who, channel, Authorize.Contribute("post updates to")) is { } refusal:
                await RefuseAsync(payload, audit, refusal, cancellationToken).ConfigureAwait(false);
                break;
            case IncidentButtons.PostUpdate:
                await slack.OpenViewAsync(payload.TriggerId, UpdateForm.View(incident, reminderTs: ""), cancellationToken).ConfigureAwait(false);
                break;
            case IncidentButtons.Join when changer.Refusal(incident, who, channel, MayJoin) is { } refusal:
                await RefuseAsync(payload, audit, refusal, cancellationToken).ConfigureAwait(false);
                break;
            case IncidentButtons.Join:
                await store.EnqueueAsync(audit, OutboxMessage.For(incident.Id, Invite.Of([new SlackUserId(who.Value)]), now).InLane(OutboxMessage.InviteLane)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Anyone may join the war room of a public incident while it lasts; a private one only its members and the admins.</summary>
    private static string? MayJoin(Incident incident, Actor actor, bool openCommands) =>
        IncidentLifecycle.IsFinal(incident.Status) ? $"{incident.Id} is over ({IncidentLifecycle.Word(incident.Status)}); there is no war room left to join."
        : incident.IsPrivate && !actor.IsAdmin && !actor.InWarRoom && !incident.IsMember(actor.Id) ? $"{incident.Id} is private: only its responders can join. Ask its commander to invite you."
        : null;

    private async Task RefuseAsync(BlockActionsPayload payload, AuditEntry audit, string refusal, CancellationToken cancellationToken)
    {
        await store.AuditAsync(audit.WithOutcome("refused: not allowed")).ConfigureAwait(false);
        await slack.OpenViewAsync(payload.TriggerId, BlockKit.Notice("Not done", refusal), cancellationToken).ConfigureAwait(false);
    }
}
