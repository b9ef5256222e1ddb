using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Paging;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using NodaTime;

namespace IncidentBot.Escalation;

/// <summary>
/// The outbox messages of one escalation, stored with it: the war-room post (handles linked), an invitation to the war
/// room for each user (and, looked up in the outbox, each member of a user group and whoever is on call in a schedule), a
/// notice to each channel and a DM to each user called in (with an "Acknowledge" button while nobody has), and the page, if any.
/// </summary>
public sealed class EscalationNotices(IncidentMessages messages)
{
    public IReadOnlyList<OutboxMessage> For(Incident incident, EscalationCall escalation, ResponderId? actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(escalation);
        var id = incident.Id;
        var outbox = new List<OutboxMessage> { Notify(id, null, messages.Escalated(incident, escalation, actor, now), now) };
        var users = escalation.Targets.Where(EscalationTargets.IsUser).Select(u => new SlackUserId(u)).ToList();
        if (users.Count > 0)
        {
            outbox.Add(OutboxMessage.For(id, Invite.Of(users), now));
        }

        // User groups and on-call schedules are looked up in the outbox, never while Slack waits for an answer.
        var lookups = escalation.Targets.Where(EscalationTargets.NeedsLookup).ToList();
        if (lookups.Count > 0)
        {
            var reason = escalation.Step is { } step ? $"escalation step {step}" : "escalated by hand";
            outbox.Add(OutboxMessage.For(id, new InviteResponders(lookups, reason), now).InLane(OutboxMessage.InviteLane));
        }

        var notice = messages.EscalationNotice(incident, escalation, actor, now);
        // A DM asks its reader to acknowledge, until someone has.
        var direct = incident.AcknowledgedAt is null ? EscalationActions.WithAcknowledge(notice, incident.Id) : notice;
        outbox.AddRange(escalation.Targets
            .Where(t => EscalationTargets.IsUser(t) || EscalationTargets.IsChannel(t))
            .Select(t => Notify(id, t, EscalationTargets.IsUser(t) ? direct : notice, now)));
        if (escalation.Page is { } service)
        {
            outbox.Add(PagerResolutions.Trigger(incident, service, now));
        }

        return outbox;
    }

    private static OutboxMessage Notify(IncidentId incidentId, string? target, RenderedMessage message, Instant now) =>
        OutboxMessage.For(incidentId, new Notify(target, message), now);
}
