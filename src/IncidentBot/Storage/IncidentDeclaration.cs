using IncidentBot.Incidents;

namespace IncidentBot.Storage;

/// <summary>A new incident with the Slack plan that declares it and the audit entry that records it.</summary>
public sealed record IncidentDeclaration(Incident Incident, IReadOnlyList<OutboxMessage> Outbox, AuditEntry Audit);
