using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Announcements;

/// <summary>
/// What the announcements see of a change: a severity, status or commander change, a resolve, a close, a cancel or an
/// update edits every announcement (an acknowledgement only adds its line) and adds its line to each one's thread; a severity with stakeholder channels brings
/// them in. All in the announcement lane, behind the announcement itself, so an edit never runs before its post.
/// </summary>
public sealed class AnnouncementEffects(AnnouncementMessages messages, AnnouncementChannels channels) : IDecisionEffects
{
    public IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        if (incident.IsPrivate || incident.IsDrill || (channels.For(incident).Count == 0 && incident.Announcements.Count == 0))
        {
            return [];
        }

        var lines = new List<RenderedMessage>();
        var announce = false;
        foreach (var fact in decision.Facts)
        {
            switch (fact)
            {
                case SeverityMoved severity:
                    lines.Add(messages.Line(incident, "severity", actor, now, severity.From, severity.To));
                    announce |= channels.HasStakeholders(severity.To);
                    break;
                case StatusMoved { To: IncidentStatus.Resolved }:
                    lines.Add(messages.Line(incident, "resolved", actor, now));
                    break;
                case StatusMoved { To: IncidentStatus.Closed }:
                    lines.Add(messages.Line(incident, "closed", actor, now));
                    break;
                case StatusMoved { To: IncidentStatus.Cancelled }:
                    lines.Add(messages.Line(incident, "cancelled", actor, now, text: incident.EndReason ?? ""));
                    break;
                case StatusMoved moved:
                    lines.Add(messages.Line(incident, "status", actor, now, IncidentLifecycle.Word(moved.From), IncidentLifecycle.Word(moved.To)));
                    break;
                case RoleChanged { Role: IncidentRole.Commander } role:
                    lines.Add(messages.Line(incident, "commander", actor, now, role.From is { } from ? SlackText.User(from.Value) : "", role.To is { } to ? SlackText.User(to.Value) : ""));
                    break;
                case UpdatePosted update:
                    lines.Add(messages.Line(incident, "update", actor, now, text: update.Text));
                    break;
                case Acknowledged { By: var by }:
                    lines.Add(messages.Line(incident, "acknowledged", by.Actor, now, by.IsSlackUser ? "" : by.Source, AnnouncementMessages.Ago(now - incident.DeclaredAt), by.Name));
                    break;
            }
        }

        if (lines.Count == 0)
        {
            return [];
        }

        var id = incident.Id;
        List<OutboxMessage> outbox = announce ? [OutboxMessage.For(id, new Announce(), now)] : [];
        outbox.Add(OutboxMessage.For(id, new RefreshAnnouncement(), now));
        outbox.AddRange(lines.Select(line => OutboxMessage.For(id, new AnnouncementLine(line), now)));
        return [.. outbox.Select(m => m.InLane(OutboxMessage.AnnounceLane))];
    }
}
