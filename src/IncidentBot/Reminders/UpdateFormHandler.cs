using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Reminders;

/// <summary>
/// The update form's submission: posts the templated update exactly like <c>/incident update</c> (and moves the status
/// if it was changed), then edits the reminder to say who posted it.
/// </summary>
public sealed class UpdateFormHandler(IIncidentStore store, SeverityScheme scheme, IncidentMessages messages, IOptions<IncidentsOptions> options, IClock clock) : IViewSubmissionHandler
{
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
        if (wanted != incident.Status && !options.Value.OpenCommands && !incident.HoldsARole(who))
        {
            errors[UpdateForm.StatusBlock] = "Only the incident's role holders can change its status; leave it as it is to post the update.";
            return errors;
        }

        var now = clock.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = who.Value, Channel = incident.WarRoom.ChannelId ?? "", IncidentId = number, Command = "update form", Outcome = "done" };
        var change = await store.UpdateAsync(incident.Id, audit, latest =>
        {
            var from = latest.Status;
            var moved = wanted == from ? null : latest.ChangeStatus(wanted, who, now);
            if (moved is { Applied: false })
            {
                audit.Outcome = "refused: " + moved.Refusal;
                return IncidentChanges.Keep<string?>(moved.Refusal);
            }

            var decision = latest.PostUpdate(text, scheme.Named(latest.Severity), who, now);
            if (!decision.Applied)
            {
                audit.Outcome = "refused: " + decision.Refusal;
                return IncidentChanges.Keep<string?>(decision.Refusal);
            }

            var outbox = new List<OutboxMessage>();
            if (moved is not null)
            {
                outbox.Add(OutboxMessage.Post(latest.Id.Value, wanted == IncidentStatus.Resolved ? messages.Resolved(latest, who, now) : messages.StatusChanged(latest, who, from, now), now));
            }

            outbox.Add(OutboxMessage.Post(latest.Id.Value, messages.Update(latest, who, text, now), now));
            outbox.Add(OutboxMessage.For(latest.Id.Value, OutboxKind.RefreshDeclaration, now));
            outbox.Add(OutboxMessage.Update(latest.Id.Value, parts[1], messages.ReminderDone(latest, who, "posted an update", now), now));
            return IncidentChanges.Save<string?>(null, [.. outbox]);
        }).ConfigureAwait(false);
        if (change?.Result is { } refusal)
        {
            errors[UpdateForm.TextBlock] = SlackText.Truncate($"Not posted: {refusal}.", 150);
        }

        return errors;
    }
}
