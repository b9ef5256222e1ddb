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
/// room for each user, a notice to each channel and a DM to each user called in, and the page, if any.
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

        var notice = messages.EscalationNotice(incident, escalation, actor, now);
        outbox.AddRange(escalation.Targets
            .Where(t => EscalationTargets.IsUser(t) || EscalationTargets.IsChannel(t))
            .Select(t => Notify(id, t, notice, now)));
        if (escalation.Page is { } service)
        {
            outbox.Add(PagerResolutions.Trigger(incident, service, now));
        }

        return outbox;
    }

    private static OutboxMessage Notify(IncidentId incidentId, string? target, RenderedMessage message, Instant now) =>
        OutboxMessage.For(incidentId, new Notify(target, message), now);
}
