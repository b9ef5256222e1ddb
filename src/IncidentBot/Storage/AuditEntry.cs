using IncidentBot.Incidents;
using IncidentBot.Slack;
using NodaTime;

namespace IncidentBot.Storage;

/// <summary>One command and its outcome, kept for the record.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Instant At { get; set; }

    public ResponderId User { get; set; }

    public SlackChannelId Channel { get; set; }

    public IncidentId? IncidentId { get; set; }

    public string Command { get; set; } = "";

    public string Outcome { get; set; } = "";

    /// <summary>A copy with another outcome: the store writes what the decision said, without changing the caller's entry.</summary>
    public AuditEntry WithOutcome(string outcome) =>
        new() { At = At, User = User, Channel = Channel, IncidentId = IncidentId, Command = Command, Outcome = outcome };
}
