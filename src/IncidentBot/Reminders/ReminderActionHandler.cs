using System.Globalization;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Reminders;

/// <summary>
/// The reminder's buttons. Snooze (anyone in the war room) and stop (the commander) are decided by the incident and
/// recorded on its timeline and in the audit log; then the reminder is edited to say who did what, without buttons, so
/// nobody clicks twice; a refusal is told to the clicker alone. "Post update" opens the update form (views.open must
/// happen inside Slack's 3 s, so it is made here, on the request).
/// </summary>
public sealed class ReminderActionHandler(IIncidentStore store, IncidentChanger changer, IncidentMessages messages, ISlackApi slack, IClock clock) : IBlockActionHandler
{
    public IReadOnlyCollection<string> ActionIds => ReminderActions.All;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || store.Find(new IncidentId(number)) is not { } incident
            || incident.WarRoom.ChannelId is not { } room
            || room != payload.ChannelId?.Value
            || payload.MessageTs is not { } reminderTs)
        {
            return;
        }

        var who = new ResponderId(payload.UserId.Value);
        if (action.ActionId == ReminderActions.PostUpdate)
        {
            await slack.OpenViewAsync(payload.TriggerId, UpdateForm.View(incident, reminderTs), cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = clock.GetCurrentInstant();
        var minutes = ReminderActions.SnoozeMinutes(action.ActionId);
        var audit = new AuditEntry { At = now, User = who, Channel = new SlackChannelId(room), IncidentId = incident.Id, Command = "reminder button " + action.ActionId, Outcome = "done" };
        var what = minutes is { } snoozed ? $"snoozed reminders for {snoozed} min" : "stopped update reminders";
        await changer.ApplyAsync(new ChangeRequest(
            incident.Id,
            who,
            audit.Channel,
            audit,
            minutes is null ? Authorize.Command("stop the update reminders of") : Authorize.Contribute("snooze the reminders of"),
            latest => minutes is { } m ? latest.Snooze(Duration.FromMinutes(m), who, now) : latest.StopReminders(who, now))
        {
            Also = (latest, _) => [OutboxMessage.For(latest.Id, new CloseReminders(messages.ReminderDone(latest, who, what, now), reminderTs), now)],
            OnRefused = (latest, refusal) => [OutboxMessage.For(latest.Id, new Ephemeral(new SlackUserId(who.Value), refusal, ResponseUrl: payload.ResponseUri), now)],
        }).ConfigureAwait(false);
    }
}
