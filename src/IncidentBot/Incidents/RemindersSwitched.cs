namespace IncidentBot.Incidents;

/// <summary>Update reminders were turned on (<paramref name="On"/>) or stopped.</summary>
public sealed record RemindersSwitched(bool On) : IncidentFact;
