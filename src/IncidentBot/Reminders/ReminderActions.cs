namespace IncidentBot.Reminders;

/// <summary>The action ids of the reminder's buttons and the update form's callback id.</summary>
public static class ReminderActions
{
    public const string PostUpdate = "reminder_post_update";
    public const string Snooze15 = "reminder_snooze_15";
    public const string Snooze30 = "reminder_snooze_30";
    public const string Snooze60 = "reminder_snooze_60";
    public const string Stop = "reminder_stop";
    public const string UpdateForm = "incident_update";
    public const string BlockId = "reminder_actions";

    public static IReadOnlyCollection<string> All { get; } = [PostUpdate, Snooze15, Snooze30, Snooze60, Stop];

    /// <summary>Minutes of each snooze button.</summary>
    public static int? SnoozeMinutes(string actionId) => actionId switch
    {
        Snooze15 => 15,
        Snooze30 => 30,
        Snooze60 => 60,
        _ => null,
    };
}
