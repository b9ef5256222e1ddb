namespace IncidentBot.Incidents;

/// <summary>
/// The status machine as a table: forward along investigating → identified → monitoring → resolved → closed
/// (steps may be skipped), back to investigating when a fix did not hold, a resolved incident may be reopened,
/// only a resolved incident may be closed, and nothing moves after closed, cancelled (see
/// <c>Incident.Cancel</c>) or failed (see <c>Incident.FailWarRoom</c>).
/// </summary>
public static class IncidentLifecycle
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Investigating] = [IncidentStatus.Identified, IncidentStatus.Monitoring, IncidentStatus.Resolved],
        [IncidentStatus.Identified] = [IncidentStatus.Investigating, IncidentStatus.Monitoring, IncidentStatus.Resolved],
        [IncidentStatus.Monitoring] = [IncidentStatus.Investigating, IncidentStatus.Identified, IncidentStatus.Resolved],
        [IncidentStatus.Resolved] = [IncidentStatus.Investigating, IncidentStatus.Closed],
        [IncidentStatus.Closed] = [],
        [IncidentStatus.Cancelled] = [],
        [IncidentStatus.Failed] = [],
    };

    /// <summary>
    /// The one meaning of open: investigating, identified or monitoring. A resolved incident is awaiting close, not open;
    /// closed, cancelled and failed incidents are over.
    /// </summary>
    public static bool IsOpen(IncidentStatus status) => status is IncidentStatus.Investigating or IncidentStatus.Identified or IncidentStatus.Monitoring;

    /// <summary>Closed, cancelled or failed: nothing changes any more.</summary>
    public static bool IsFinal(IncidentStatus status) => status is IncidentStatus.Closed or IncidentStatus.Cancelled or IncidentStatus.Failed;

    /// <summary>Investigating or identified: the escalation matrix runs; it pauses once mitigated (monitoring) and after.</summary>
    public static bool Escalates(IncidentStatus status) => status is IncidentStatus.Investigating or IncidentStatus.Identified;

    /// <summary>Null when the move is allowed; otherwise why not, in words for the person who asked.</summary>
    public static string? Refusal(IncidentStatus from, IncidentStatus to)
    {
        if (Allowed[from].Contains(to))
        {
            return null;
        }

        return (from, to) switch
        {
            (IncidentStatus.Closed, _) => "the incident is closed; nothing changes after close",
            (IncidentStatus.Cancelled, _) => "the incident was cancelled; nothing changes after cancel",
            (IncidentStatus.Failed, _) => "the incident failed: its war room could not be created; declare it again",
            _ when from == to => $"the incident is already {Word(to)}",
            (_, IncidentStatus.Closed) => "only a resolved incident can be closed; resolve it first",
            (IncidentStatus.Resolved, _) => "the incident is resolved; set it back to investigating to reopen it, or close it",
            _ => $"an incident cannot move from {Word(from)} to {Word(to)}",
        };
    }

    /// <summary>The status as people type and read it: <c>investigating</c>.</summary>
    public static string Word(IncidentStatus status) => status.ToString().ToLowerInvariant();
}
