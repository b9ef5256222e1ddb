using IncidentBot.Changes;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Acknowledgements;

/// <summary>
/// Acknowledgements that come from an alert source (a PagerDuty or Opsgenie acknowledgement of the incident's page),
/// recorded like <c>/incident ack</c>: on the timeline, in the war room, stopping the response-target escalation. The
/// caller has verified the request; the first acknowledgement counts, a repeat changes nothing.
/// </summary>
public sealed class AlertAcknowledgements(IIncidentStore store, IncidentChanger changer, AcknowledgementMessages messages, IClock clock)
{
    private const int NameMax = 80;

    /// <summary>
    /// Records that <paramref name="responder"/> (as <paramref name="source"/> names them: a user's name or email; may be
    /// empty) acknowledged <paramref name="incident"/> at <paramref name="source"/> (<c>PagerDuty</c>, <c>Opsgenie</c>).
    /// </summary>
    public async Task<AcknowledgeResult> AcknowledgeAsync(IncidentId incident, string source, string responder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(responder);
        cancellationToken.ThrowIfCancellationRequested();
        var now = clock.GetCurrentInstant();
        // Text from outside Slack: no markup, no mention, whatever it holds.
        var name = SlackText.Defuse(SlackText.Escape(SlackText.Truncate(responder.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal).Trim(), NameMax)));
        var who = new Acknowledger(EscalationPolicy.Matrix, source.Trim(), name);
        var audit = new AuditEntry { At = now, User = DueWorkService.SystemActor, Channel = default, IncidentId = incident, Command = $"{who.Source} acknowledgement", Outcome = "" };
        var outcome = await changer.ApplyAsync(new ChangeRequest(incident, who.Actor, null, audit, AcknowledgementRules.AlertSource, i => i.Acknowledge(who, now))
        {
            Also = (i, _) => [OutboxMessage.For(i.Id, new Post(messages.Acknowledged(i, now)), now)],
        }).ConfigureAwait(false);
        return outcome switch
        {
            { Incident: null } => AcknowledgeResult.NotFound,
            { Done: true } => AcknowledgeResult.Acknowledged,
            { Incident.AcknowledgedAt: not null } => AcknowledgeResult.AlreadyAcknowledged,
            _ => AcknowledgeResult.NotOpen,
        };
    }

    /// <summary>
    /// The same, found by the page's key: the <c>dedup_key</c> (PagerDuty) or <c>alias</c> (Opsgenie) the bot pages
    /// with, which is the incident's id (<c>INC-42</c>). <see cref="AcknowledgeResult.NotFound"/> for any other key.
    /// </summary>
    public Task<AcknowledgeResult> AcknowledgePageAsync(string pageKey, string source, string responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageKey);
        return IncidentId.TryParse(pageKey.Trim(), out var id) && store.Find(id) is not null
            ? AcknowledgeAsync(id, source, responder, cancellationToken)
            : Task.FromResult(AcknowledgeResult.NotFound);
    }
}
