using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// The ways an incident ends without being resolved (cancelled by its commander, failed because Slack would not make
/// its war room), and what a move of its status does to the update reminders and the escalation matrix.
/// </summary>
public sealed partial class Incident
{
    /// <summary>When it was cancelled or failed; null otherwise.</summary>
    public Instant? EndedAt { get; private set; }

    /// <summary>Why it was cancelled (the commander's words), or the error Slack gave when the war room failed.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Resolved but not closed: the follow-up is still to do. Not open: it is listed apart.</summary>
    public bool IsAwaitingClose => Status == IncidentStatus.Resolved;

    /// <summary>Cancelled or failed: kept on record, but counted in no metric and no monthly review.</summary>
    public bool IsVoid => Status is IncidentStatus.Cancelled or IncidentStatus.Failed;

    /// <summary>
    /// Ends a mistaken declaration before it is resolved: no more reminders or escalation (and the pager services it
    /// triggered are resolved, see <c>Paging.PagerResolutions</c>); the timeline and audit log stay. Who may is
    /// <see cref="IncidentAuthority"/>'s (the commander).
    /// </summary>
    public Decision Cancel(string? reason, ResponderId by, Instant now)
    {
        if (!IsOpen)
        {
            return Decision.Refuse(Status == IncidentStatus.Resolved
                ? "the incident is already resolved; only an incident not yet resolved can be cancelled"
                : IncidentLifecycle.Refusal(Status, Status)!);
        }

        var from = Status;
        Status = IncidentStatus.Cancelled;
        EndedAt = now;
        EndReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        NextUpdateDue = null;
        return Record(new TimelineEntry(now, TimelineKind.Cancelled, by, EndReason is null ? "Cancelled" : $"Cancelled: {EndReason}"), new StatusMoved(from, IncidentStatus.Cancelled));
    }

    /// <summary>
    /// Slack refused the war room for good (<paramref name="error"/> is what it said): the incident is failed, so it is
    /// not open, nobody is reminded, escalated to or paged for it, and it leaves no live trace.
    /// </summary>
    public Decision FailWarRoom(string error, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (IncidentLifecycle.IsFinal(Status))
        {
            return Decision.Refuse(IncidentLifecycle.Refusal(Status, Status)!);
        }

        Status = IncidentStatus.Failed;
        EndedAt = now;
        EndReason = error;
        NextUpdateDue = null;
        return Record(new TimelineEntry(now, TimelineKind.Failed, by, $"The war room could not be created: Slack said {error}"));
    }

    /// <summary>What a status move from <paramref name="from"/> does beyond the status: reopen restarts reminders; escalation pauses or resumes.</summary>
    private void AfterMove(IncidentStatus from, Instant now)
    {
        if (from == IncidentStatus.Resolved && IsOpen)
        {
            RemindersStopped = false;
        }

        PlanEscalationAfterMove(from, now);
    }
}
