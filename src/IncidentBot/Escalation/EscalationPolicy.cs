using IncidentBot.Incidents;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Escalation;

/// <summary>
/// Fires the escalation steps that are due, on the reminders' schedule and clock. Each firing is decided by the incident
/// on its latest copy and stored with its notices in one transaction, so a step fires once however often this runs,
/// and after a restart every overdue step fires once.
/// </summary>
public sealed class EscalationPolicy(IIncidentStore store, EscalationMatrix matrix, EscalationNotices notices, DueWorkRetries retries, IClock clock) : IDueWork
{
    /// <summary>
    /// The actor the timeline shows for a step the matrix fired: Slack's own bot user, as no person did it.
    /// </summary>
    public static readonly ResponderId Matrix = new("USLACKBOT");

    public async Task<int> SendDueAsync()
    {
        var now = clock.GetCurrentInstant();
        return await retries.EachAsync(nameof(EscalationPolicy), Escalating().Where(i => i.NextEscalationDue(matrix.For(i.Severity)) <= now), async due =>
        {
            var audit = new AuditEntry { At = now, User = DueWorkService.SystemActor, Channel = new SlackChannelId(due.WarRoom.ChannelId ?? ""), IncidentId = due.Id, Command = "escalation", Outcome = "escalated" };
            var change = await store.UpdateAsync(due.Id, audit, incident =>
            {
                var plan = matrix.For(incident.Severity);
                var doneBefore = (incident.EscalationPlan, incident.EscalationStepsDone);
                var fired = incident.EscalateDue(plan, Matrix, now);
                if (fired.Count == 0)
                {
                    // Steps may have been passed over (everyone in them already called in): remember that, quietly.
                    return (doneBefore == (incident.EscalationPlan, incident.EscalationStepsDone) ? IncidentChanges.Keep(0) : IncidentChanges.Save(0)).Noting("nobody new to call in");
                }

                return IncidentChanges.Save(fired.Count, [.. fired.SelectMany(e => notices.For(incident, e, null, now))]);
            }).ConfigureAwait(false);
            return change?.Result ?? 0;
        }).ConfigureAwait(false);
    }

    public Instant? NextDue() => retries.Next(nameof(EscalationPolicy), Escalating().Select(i => i.NextEscalationDue(matrix.For(i.Severity))).Min());

    /// <summary>A drill calls nobody in by itself: nobody outside the war room hears of it unless someone asks.</summary>
    private IEnumerable<Incident> Escalating() => store.ListOpen().Where(i => !i.IsDrill);
}
