namespace IncidentBot.Scheduling;

/// <summary>Whether this replica leads the scheduler now (holds the <see cref="DueWorkService.Lease"/>), for <c>/health</c>.</summary>
public sealed class SchedulerLeadership
{
    private volatile bool leads;

    public bool Leads
    {
        get => leads;
        internal set => leads = value;
    }
}
