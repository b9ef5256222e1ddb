using NodaTime;

namespace IncidentBot.Storage;

/// <summary>One command and its outcome, kept for the record.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Instant At { get; set; }

    public string User { get; set; } = "";

    public string Channel { get; set; } = "";

    public int? IncidentId { get; set; }

    public string Command { get; set; } = "";

    public string Outcome { get; set; } = "";
}
