using IncidentBot.Escalation;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Acknowledgements;

/// <summary>
/// Calls in the next escalation step when an incident's response target passes with nobody having acknowledged it, on
/// the scheduler's clock. The due time is computed from what is stored (the declaration, the severity, whether it was
/// acknowledged or already missed), so a restart loses none; the miss is decided on the latest copy and stored with its
/// notices in one transaction, so it fires once.
/// </summary>
public sealed class ResponseTargetPolicy(IIncidentStore store, ResponseTargets targets, EscalationMatrix matrix, EscalationNotices notices, DueWorkRetries retries, IClock clock) : IDueWork
{
    public async Task<int> SendDueAsync()
    {
        var now = clock.GetCurrentInstant();
        return await retries.EachAsync(nameof(ResponseTargetPolicy), store.ListOpen().Where(i => i.ResponseTargetDue(targets.DueFor(i)) <= now), async due =>
        {
            var audit = new AuditEntry { At = now, User = DueWorkService.SystemActor, Channel = new SlackChannelId(due.WarRoom.ChannelId ?? ""), IncidentId = due.Id, Command = "response target", Outcome = "escalated" };
            var change = await store.UpdateAsync(due.Id, audit, incident =>
            {
                var target = targets.DueFor(incident);
                if (!(incident.ResponseTargetDue(target) <= now))
                {
                    return IncidentChanges.Keep(0).Noting("acknowledged or not due any more");
                }

                var fired = incident.MissResponseTarget(matrix.For(incident.Severity), target, EscalationPolicy.Matrix, now);
                var outbox = fired.SelectMany(e => notices.For(incident, e, null, now)).ToArray();
                return IncidentChanges.Save(fired.Count, outbox).Noting(fired.Count == 0 ? "missed; nobody new to call in" : "escalated");
            }).ConfigureAwait(false);
            return change?.Result ?? 0;
        }).ConfigureAwait(false);
    }

    public Instant? NextDue() => retries.Next(nameof(ResponseTargetPolicy), store.ListOpen().Select(i => i.ResponseTargetDue(targets.DueFor(i))).Min());
}
