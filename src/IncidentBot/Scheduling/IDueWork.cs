using NodaTime;

namespace IncidentBot.Scheduling;

/// <summary>Work that falls due at times stored in the database (update reminders, escalation steps), run by <see cref="DueWorkService"/>.</summary>
public interface IDueWork
{
    /// <summary>Queues whatever is due now; returns how many things were queued.</summary>
    Task<int> SendDueAsync();

    /// <summary>The earliest time something will be due; null when nothing is planned.</summary>
    Instant? NextDue();
}
