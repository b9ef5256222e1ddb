using System.Globalization;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Scribe;
using IncidentBot.Slack;
using IncidentBot.Slack.Inbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Shortcuts;

/// <summary>
/// The incident picked for a message from outside any war room: the message goes on its timeline, with its link, if the
/// person may add to it as they are (asked from no war room: a member of the incident, an admin, or the open model).
/// </summary>
public sealed class TimelinePickHandler(IIncidentStore store, IncidentChanger changer, NoteTaker notes, IClock clock) : IViewSubmissionHandler
{
    private const int ErrorMax = 300;

    public string CallbackId => ShortcutIds.PickIncidentForm;

    public string? FailureBlockId => ShortcutIds.IncidentBlock;

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var who = new ResponderId(payload.UserId.Value);
        if (QuotedMessage.Parse(payload.PrivateMetadata) is not { } quoted
            || !int.TryParse(payload.Values.GetValueOrDefault(ShortcutIds.IncidentBlock, ""), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || store.Find(new IncidentId(number)) is not { } incident
            || (incident.IsPrivate && changer.Refusal(incident, who, null, Authorize.Contribute("add notes to")) is not null))
        {
            // A private incident the person is not in is answered as one that does not exist.
            errors[ShortcutIds.IncidentBlock] = "That incident is not there any more; pick another, or use /incident note in its war room.";
            return errors;
        }

        var audit = new AuditEntry { At = clock.GetCurrentInstant(), User = who, Channel = new SlackChannelId(quoted.Channel), IncidentId = incident.Id, Command = "shortcut " + ShortcutIds.AddToTimeline, Outcome = "added" };
        var refusal = IncidentLifecycle.IsFinal(incident.Status)
            ? $"{incident.Id} is over ({IncidentLifecycle.Word(incident.Status)}); its timeline takes no more notes."
            : changer.Refusal(incident, who, null, Authorize.Contribute("add notes to")) ?? Capitalized(notes.Refusal(incident, ""));
        if (refusal is not null)
        {
            await store.AuditAsync(audit.WithOutcome("refused")).ConfigureAwait(false);
            errors[ShortcutIds.IncidentBlock] = SlackText.Truncate(refusal, ErrorMax);
            return errors;
        }

        var added = await notes.QuoteAsync(incident, quoted.Channel, quoted.Ts, quoted.Text, quoted.AuthorId, who).ConfigureAwait(false);
        await store.AuditAsync(audit.WithOutcome(added ? "added" : "already there")).ConfigureAwait(false);
        return errors;
    }

    private static string? Capitalized(string? refusal) => refusal is null ? null : char.ToUpperInvariant(refusal[0]) + refusal[1..] + ".";
}
