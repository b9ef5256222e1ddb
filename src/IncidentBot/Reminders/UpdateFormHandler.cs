using System.Globalization;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Reminders;

/// <summary>
/// The update form's submission: moves the status if it was changed and posts the update, with the same effects as
/// <c>/incident status</c> (or <c>resolve</c>) and <c>/incident update</c>, since the decision yields them; then every open
/// reminder is edited to say who posted it. The form was opened from a reminder or the declaration in the war room, so it counts as asked from there.
/// </summary>
public sealed class UpdateFormHandler(IIncidentStore store, IncidentChanger changer, SeverityScheme scheme, IncidentMessages messages, IClock clock) : IViewSubmissionHandler
{
    private const int ErrorMax = 300;

    public string CallbackId => ReminderActions.UpdateForm;

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.PrivateMetadata.Split('|');
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || store.Find(new IncidentId(number)) is not { } incident)
        {
            errors[UpdateForm.TextBlock] = "This form no longer matches an incident; use /incident update in the war room.";
            return errors;
        }

        var who = new ResponderId(payload.UserId.Value);
        var text = payload.Values.GetValueOrDefault(UpdateForm.TextBlock, "").Trim();
        var wanted = Enum.TryParse<IncidentStatus>(payload.Values.GetValueOrDefault(UpdateForm.StatusBlock, ""), ignoreCase: true, out var s) ? s : incident.Status;
        var now = clock.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = who, Channel = new SlackChannelId(incident.WarRoom.ChannelId ?? ""), IncidentId = incident.Id, Command = "update form", Outcome = "done" };
        var moves = wanted != incident.Status;
        var outcome = await changer.ApplyAsync(new ChangeRequest(
            incident.Id,
            who,
            audit.Channel,
            audit,
            moves ? Authorize.Steer(wanted == IncidentStatus.Resolved ? "resolve" : "change the status of") : Authorize.Contribute("post updates to"),
            latest =>
            {
                var moved = wanted == latest.Status ? Decision.Apply() : latest.ChangeStatus(wanted, who, now);
                return moved.Then(latest.PostUpdate(text, scheme.Named(latest.Severity), who, now));
            })
        {
            // The update closes every open reminder (ReminderEffects); one posted before reminders were tracked is closed here.
            Also = (latest, _) => parts[1].Length == 0 || latest.OpenReminders.Contains(parts[1])
                ? []
                : [OutboxMessage.For(latest.Id, new CloseReminders(messages.ReminderDone(latest, who, "posted an update", now), parts[1]), now)],
        }).ConfigureAwait(false);
        if (!outcome.Done)
        {
            var field = outcome.Unauthorized && moves ? UpdateForm.StatusBlock : UpdateForm.TextBlock;
            errors[field] = SlackText.Truncate(outcome.Unauthorized ? outcome.RefusalText + " Leave the status as it is to post the update." : $"Not posted: {outcome.Refusal}.", ErrorMax);
        }

        return errors;
    }
}
