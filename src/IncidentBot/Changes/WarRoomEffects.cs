using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.WarRooms;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Changes;

/// <summary>
/// What the war room sees of a change: the message that announces it, the pinned declaration and the topic brought up
/// to date, the new role holder invited, the war room archived on close or cancel when configured.
/// </summary>
public sealed class WarRoomEffects(IncidentMessages messages, IOptions<IncidentsOptions> options) : IDecisionEffects
{
    public IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        var id = incident.Id;
        var outbox = new List<OutboxMessage>();
        var refresh = false;
        var topic = false;
        foreach (var fact in decision.Facts)
        {
            switch (fact)
            {
                case StatusMoved { To: IncidentStatus.Closed or IncidentStatus.Cancelled } ended:
                    // A cancelled incident is as over as a closed one and is never closed, so its room goes the same way.
                    var archive = options.Value.ArchiveOnClose;
                    var notice = ended.To == IncidentStatus.Closed ? messages.Closed(incident, actor, archive, now) : messages.Cancelled(incident, actor, archive, now);
                    outbox.Add(OutboxMessage.For(id, new Post(notice), now));
                    (refresh, topic) = (true, true);
                    if (archive)
                    {
                        // Sent after everything else the change shows in the war room (see IncidentChanger).
                        outbox.Add(OutboxMessage.For(id, new ArchiveWarRoom(), now));
                    }

                    break;
                case StatusMoved moved:
                    outbox.Add(OutboxMessage.For(id, new Post(moved.To == IncidentStatus.Resolved ? messages.Resolved(incident, actor, now) : messages.StatusChanged(incident, actor, moved.From, now)), now));
                    (refresh, topic) = (true, true);
                    break;
                case SeverityMoved severity:
                    outbox.Add(OutboxMessage.For(id, new Post(messages.SeverityChanged(incident, actor, severity.From, now)), now));
                    (refresh, topic) = (true, true);
                    break;
                case RoleChanged role:
                    if (role.To is { } holder)
                    {
                        outbox.Add(OutboxMessage.For(id, Invite.Of([new SlackUserId(holder.Value)]), now));
                    }

                    outbox.Add(OutboxMessage.For(id, new Post(messages.RoleChanged(incident, actor, role, now)), now));
                    refresh = true;
                    break;
                case RemindersSwitched:
                    refresh = true;
                    break;
                case UpdatePosted update:
                    outbox.Add(OutboxMessage.For(id, new Post(messages.Update(incident, actor, update.Text, now)), now));
                    refresh = true;
                    break;
            }
        }

        // One refresh and one topic however many facts asked for them; both render the incident as it is when sent.
        if (refresh)
        {
            outbox.Add(OutboxMessage.For(id, new RefreshDeclaration(), now));
        }

        if (topic)
        {
            outbox.Add(OutboxMessage.For(id, new SetTopic(), now));
        }

        return outbox;
    }
}
