using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.Changes;

/// <summary>
/// One change someone asks of an incident, from whatever path: who, from which channel (null: not from a channel, such
/// as a form), the audit entry to keep, who may make it, and the decision to ask of the incident.
/// </summary>
public sealed record ChangeRequest(IncidentId Incident, ResponderId User, SlackChannelId? Channel, AuditEntry Audit, Authorization Authorization, Func<Incident, Decision> Decide)
{
    /// <summary>Effects of this request alone, beyond the decision's own (e.g. edit the reminder whose button was clicked).</summary>
    public Func<Incident, Decision, IEnumerable<OutboxMessage>>? Also { get; init; }

    /// <summary>What to send when the change is refused (e.g. tell a button's clicker why); nothing by default.</summary>
    public Func<Incident, string, IEnumerable<OutboxMessage>>? OnRefused { get; init; }
}
