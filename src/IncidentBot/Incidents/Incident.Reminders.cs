using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>Update reminders: due at the severity's cadence, snoozed, stopped and resumed.</summary>
public sealed partial class Incident
{
    /// <summary>
    /// The ts of every reminder posted in the war room and not yet answered (an update, a snooze, a stop), oldest first:
    /// they still say an update is due and carry live buttons, so the answer edits each of them.
    /// </summary>
    public List<string> OpenReminders { get; private set; } = [];

    /// <summary>Records a reminder as posted; a repeat of the same post is kept once.</summary>
    public void RecordReminder(string ts)
    {
        ArgumentException.ThrowIfNullOrEmpty(ts);
        if (!OpenReminders.Contains(ts))
        {
            OpenReminders.Add(ts);
        }
    }

    /// <summary>The reminders at <paramref name="answered"/> were edited to their answer: they are open no more.</summary>
    public void ForgetReminders(IReadOnlyCollection<string> answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        OpenReminders.RemoveAll(answered.Contains);
    }

    /// <summary>
    /// The update is overdue: a reminder goes out, and the next one is planned a full interval later, so an incident
    /// left alone (or a bot that was down for hours) gets one reminder per interval, never a burst.
    /// </summary>
    public Decision Remind(Severity severity, Instant now)
    {
        ArgumentNullException.ThrowIfNull(severity);
        if (!IsOpen || RemindersStopped || NextUpdateDue is not { } due || due > now)
        {
            return Decision.Refuse("no update is due");
        }

        NextUpdateDue = now + severity.UpdateInterval;
        return Decision.Apply();
    }

    public Decision Snooze(Duration duration, ResponderId by, Instant now)
    {
        if (!IsOpen)
        {
            return Decision.Refuse($"the incident is {IncidentLifecycle.Word(Status)}; there are no reminders to snooze");
        }

        NextUpdateDue = now + duration;
        return Record(new TimelineEntry(now, TimelineKind.Reminder, by, $"Snoozed update reminders for {(long)duration.TotalMinutes} min"));
    }

    /// <summary>Stops update reminders; who may is decided by <see cref="IncidentAuthority"/> (the commander: they are the commander's promise to the war room).</summary>
    public Decision StopReminders(ResponderId by, Instant now)
    {
        if (RemindersStopped)
        {
            return Decision.Refuse("reminders are already stopped");
        }

        RemindersStopped = true;
        return Record(new TimelineEntry(now, TimelineKind.Reminder, by, "Stopped update reminders"), new RemindersSwitched(On: false));
    }

    /// <summary>Turns stopped update reminders back on; the next one is due a full interval from now (who may: see <see cref="IncidentAuthority"/>).</summary>
    public Decision ResumeReminders(Severity severity, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(severity);
        if (!IsOpen)
        {
            return Decision.Refuse($"the incident is {IncidentLifecycle.Word(Status)}; update reminders are only for open incidents");
        }

        if (!RemindersStopped)
        {
            return Decision.Refuse("reminders are already on");
        }

        RemindersStopped = false;
        NextUpdateDue = now + severity.UpdateInterval;
        return Record(new TimelineEntry(now, TimelineKind.Reminder, by, "Turned update reminders back on"), new RemindersSwitched(On: true));
    }

    /// <summary>
    /// After a severity change from <paramref name="from"/> to <paramref name="to"/>: a raise turns stopped reminders back
    /// on (at the cadence <see cref="ChangeSeverity"/> planned), as the war room owes updates more than before.
    /// </summary>
    public void RestartRemindersAfterRaise(Severity from, Severity to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (IsOpen && to.Rank < from.Rank)
        {
            RemindersStopped = false;
        }
    }
}
