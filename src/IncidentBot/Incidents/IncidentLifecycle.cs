namespace IncidentBot.Incidents;

/// <summary>
/// The status machine as a table: forward along investigating → identified → monitoring → resolved → closed
/// (steps may be skipped), back to investigating when a fix did not hold, a resolved incident may be reopened,
/// only a resolved incident may be closed, and nothing moves after closed.
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
    };

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
            _ when from == to => $"the incident is already {Word(to)}",
            (_, IncidentStatus.Closed) => "only a resolved incident can be closed; resolve it first",
            (IncidentStatus.Resolved, _) => "the incident is resolved; set it back to investigating to reopen it, or close it",
            _ => $"an incident cannot move from {Word(from)} to {Word(to)}",
        };
    }

    /// <summary>The status as people type and read it: <c>investigating</c>.</summary>
    public static string Word(IncidentStatus status) => status.ToString().ToLowerInvariant();
}
