using System.Globalization;
using System.Text.Json.Nodes;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Scribe;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using IncidentBot.Slack.Inbound;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Shortcuts;

/// <summary>
/// "Add to incident timeline" on any message the bot can read. In a war room the message goes on that incident's
/// timeline at once, confirmed by the scribe's reaction as a reaction-marked note is. Anywhere else a form picks the
/// incident among those still going that the person may see: every public one, a private one only for its members, as
/// <c>/incident list</c> shows them. Who may add is checked again on submit (<see cref="TimelinePickHandler"/>).
/// </summary>
public sealed class AddToTimelineShortcut(IIncidentStore store, IncidentChanger changer, NoteTaker notes, ISlackApi slack, IClock clock) : IMessageShortcutHandler
{
    /// <summary>Slack's limit on a select's options.</summary>
    private const int MaxOptions = 100;

    public string CallbackId => ShortcutIds.AddToTimeline;

    public async Task HandleAsync(MessageShortcutPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var who = new ResponderId(payload.UserId.Value);
        if (store.FindByWarRoom(payload.ChannelId) is { } incident)
        {
            var audit = Audit(payload, incident.Id);
            var refusal = IncidentLifecycle.IsFinal(incident.Status)
                ? $"{incident.Id} is over ({IncidentLifecycle.Word(incident.Status)}); its timeline takes no more notes."
                : changer.Refusal(incident, who, payload.ChannelId, Authorize.Contribute("add notes to")) ?? Capitalized(notes.Refusal(incident, ""));
            if (refusal is not null)
            {
                await store.AuditAsync(audit.WithOutcome("refused: not allowed")).ConfigureAwait(false);
                await slack.OpenViewAsync(payload.TriggerId, BlockKit.Notice("Not added", refusal), cancellationToken).ConfigureAwait(false);
                return;
            }

            var added = await notes.CaptureAsync(incident, payload.MessageTs, who, NoteSource.Shortcut, payload.Text, payload.Author is { } author ? new ResponderId(author.Value) : null).ConfigureAwait(false);
            await store.AuditAsync(audit.WithOutcome(added ? "added" : "already there")).ConfigureAwait(false);
            if (!added)
            {
                await slack.OpenViewAsync(payload.TriggerId, BlockKit.Notice("Already there", $"That message is on {incident.Id}'s timeline already."), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var offered = store.ListOpen()
            .Where(i => !IncidentLifecycle.IsFinal(i.Status) && (!i.IsPrivate || i.IsMember(who)))
            .Take(MaxOptions)
            .ToList();
        var view = offered.Count == 0
            ? BlockKit.Notice("No incident", "No incident is going on that you can add this message to. Declare one from the message with *Declare incident from this message*.")
            : Picker(offered, QuotedMessage.Of(payload));
        await slack.OpenViewAsync(payload.TriggerId, view, cancellationToken).ConfigureAwait(false);
    }

    private AuditEntry Audit(MessageShortcutPayload payload, IncidentId? incident) =>
        new() { At = clock.GetCurrentInstant(), User = new ResponderId(payload.UserId.Value), Channel = payload.ChannelId, IncidentId = incident, Command = "shortcut " + CallbackId, Outcome = "added" };

    private static JsonObject Picker(List<Incident> incidents, QuotedMessage quoted)
    {
        var options = incidents.Select(i => (SlackText.Truncate($"{i.Id} · {i.Severity} · {i.Title}", 75), i.Id.Value.ToString(CultureInfo.InvariantCulture)));
        var preview = quoted.Text.Length == 0 ? "_(a message without text)_" : SlackText.Escape(SlackText.Truncate(quoted.Text, 500));
        var blocks = new JsonArray(
            BlockKit.Section("> " + preview.Replace("\n", "\n> ", StringComparison.Ordinal)),
            BlockKit.StaticSelect(ShortcutIds.IncidentBlock, "Incident", "incident_select", options, incidents[0].Id.Value.ToString(CultureInfo.InvariantCulture)));
        return BlockKit.Modal(ShortcutIds.PickIncidentForm, "Add to timeline", "Add", blocks, quoted.ToMetadata());
    }

    private static string? Capitalized(string? refusal) => refusal is null ? null : char.ToUpperInvariant(refusal[0]) + refusal[1..] + ".";
}
