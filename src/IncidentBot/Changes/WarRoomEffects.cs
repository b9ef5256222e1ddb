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
/// to date, the new role holder invited, the war room archived on close when configured.
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
                case StatusMoved { To: IncidentStatus.Cancelled }:
                    outbox.Add(OutboxMessage.For(id, new Post(messages.Cancelled(incident, actor, now)), now));
                    (refresh, topic) = (true, true);
                    break;
                case StatusMoved { To: IncidentStatus.Closed }:
                    var archive = options.Value.ArchiveOnClose;
                    outbox.Add(OutboxMessage.For(id, new Post(messages.Closed(incident, actor, archive, now)), now));
                    (refresh, topic) = (true, true);
                    if (archive)
                    {
                        // After the refresh and the topic below: both say "closed" before the channel goes read-only.
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
        var at = outbox.FindIndex(m => m.Kind == ArchiveWarRoom.Kind) is var archiveAt and >= 0 ? archiveAt : outbox.Count;
        if (topic)
        {
            outbox.Insert(at, OutboxMessage.For(id, new SetTopic(), now));
        }

        if (refresh)
        {
            outbox.Insert(at, OutboxMessage.For(id, new RefreshDeclaration(), now));
        }

        return outbox;
    }
}
