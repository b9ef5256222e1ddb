using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Outbox;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Webhooks;

/// <summary>
/// Turns incident changes into webhook events, one outbox message per receiver on that receiver's own lane; of a private
/// incident each receiver gets what its <see cref="WebhookReceiverOptions.View"/> allows. Every change
/// that reaches the timeline is heard here (see <see cref="IIncidentChangeListener"/>); other features send their own
/// event types with <see cref="Event"/>, inside their own transaction.
/// </summary>
public sealed class WebhookEvents(IOptions<WebhookOptions> options) : IIncidentChangeListener, IIncidentEventSink
{
    public const string Declared = "incident.declared";
    public const string SeverityChanged = "incident.severity_changed";
    public const string RoleAssigned = "incident.role_assigned";
    public const string StatusChanged = "incident.status_changed";
    public const string Resolved = "incident.resolved";
    public const string Closed = "incident.closed";
    public const string Escalated = "incident.escalated";
    public const string Cancelled = "incident.cancelled";
    public const string Failed = "incident.failed";

    /// <summary>What a redacted event keeps of its <c>data</c>: who and which state, never a summary or text.</summary>
    private static readonly string[] RedactedDataKeys = ["actor", "status", "drafted_by", "drill"];

    /// <summary>
    /// The outbox messages that send event <paramref name="type"/> with <paramref name="data"/> about
    /// <paramref name="incident"/> to every receiver; store them with the change they report. The event's <c>id</c> is
    /// the same for every receiver and every retry, so receivers can drop a repeat.
    /// </summary>
    public IReadOnlyList<OutboxMessage> Event(Incident incident, string type, JsonObject data, Instant at)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(data);
        if (incident.IsDrill)
        {
            // Receivers act on real incidents (status pages, paging, tickets); a drill stays inside Slack.
            return [];
        }

        var receivers = options.Value.Webhooks;
        if (receivers.Count == 0)
        {
            return [];
        }

        var id = "evt_" + Guid.NewGuid().ToString("N");
        var full = Body(id, type, at, Snapshot(incident), data.DeepClone());
        var redacted = incident.IsPrivate ? Body(id, type, at, Redacted(incident), Redacted(data)) : full;
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < receivers.Count; i++)
        {
            var sees = incident.IsPrivate ? receivers[i].View ?? PrivateView.Redacted : PrivateView.Full;
            if (sees == PrivateView.Omit)
            {
                continue;
            }

            var webhook = new WebhookEvent(receivers[i].Url?.ToString() ?? "", sees == PrivateView.Full ? full : redacted);
            messages.Add(OutboxMessage.For(incident.Id, webhook, at).InLane(OutboxMessage.FirstWebhookLane + i));
        }

        return messages;
    }

    /// <summary>An event raised by a command rather than by a timeline entry (a status-page draft, say).</summary>
    public IEnumerable<OutboxMessage> Emit(Incident incident, string eventType, JsonObject data, Instant now) => Event(incident, eventType, data, now);

    public IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return added.SelectMany(entry => Type(entry.Kind) is { } type
            ? Event(incident, type, new JsonObject { ["actor"] = entry.Actor.Value, ["summary"] = SlackTimelineText.Summary(entry) }, entry.At)
            : []);
    }

    private static string? Type(TimelineKind kind) => kind switch
    {
        TimelineKind.Declared => Declared,
        TimelineKind.SeverityChanged => SeverityChanged,
        TimelineKind.RoleAssigned => RoleAssigned,
        TimelineKind.StatusChanged => StatusChanged,
        TimelineKind.Resolved => Resolved,
        TimelineKind.Closed => Closed,
        TimelineKind.Escalated => Escalated,
        TimelineKind.Cancelled => Cancelled,
        TimelineKind.Failed => Failed,
        _ => null,
    };

    private static string RoleKey(IncidentRole role) => role switch
    {
        IncidentRole.Commander => "commander",
        IncidentRole.TechLead => "tech_lead",
        IncidentRole.CommsLead => "comms_lead",
        _ => "scribe",
    };

    private static string Body(string id, string type, Instant at, JsonObject incident, JsonNode data) => new JsonObject
    {
        ["id"] = id,
        ["type"] = type,
        ["created_at"] = InstantPattern.ExtendedIso.Format(at),
        ["incident"] = incident,
        ["data"] = data,
    }.ToJsonString();

    private static JsonNode? Time(Instant? at) => at is { } t ? InstantPattern.ExtendedIso.Format(t) : null;

    /// <summary>A private incident as a receiver that is not trusted with it sees it: that it exists, how severe, where it stands.</summary>
    private static JsonObject Redacted(Incident incident) => new()
    {
        ["id"] = incident.Id.ToString(),
        ["number"] = incident.Id.Value,
        ["severity"] = incident.Severity,
        ["status"] = IncidentLifecycle.Word(incident.Status),
        ["private"] = true,
        ["redacted"] = true,
        ["declared_at"] = Time(incident.DeclaredAt),
        ["resolved_at"] = Time(incident.ResolvedAt),
        ["closed_at"] = Time(incident.ClosedAt),
    };

    /// <summary>Only the fields that say who and which state; summaries and texts may quote the title or impact.</summary>
    private static JsonObject Redacted(JsonObject data)
    {
        var kept = new JsonObject();
        foreach (var key in RedactedDataKeys.Where(data.ContainsKey))
        {
            kept[key] = data[key]?.DeepClone();
        }

        return kept;
    }

    private static JsonObject Snapshot(Incident incident)
    {
        var roles = new JsonObject();
        foreach (var role in incident.Roles)
        {
            roles[RoleKey(role.Role)] = role.Holder.Value;
        }

        return new JsonObject
        {
            ["id"] = incident.Id.ToString(),
            ["number"] = incident.Id.Value,
            ["title"] = incident.Title,
            ["severity"] = incident.Severity,
            ["status"] = IncidentLifecycle.Word(incident.Status),
            ["impact"] = incident.Impact,
            ["private"] = incident.IsPrivate,
            ["war_room"] = incident.WarRoom.ChannelId,
            ["roles"] = roles,
            ["declared_at"] = Time(incident.DeclaredAt),
            ["resolved_at"] = Time(incident.ResolvedAt),
            ["closed_at"] = Time(incident.ClosedAt),
        };
    }
}
