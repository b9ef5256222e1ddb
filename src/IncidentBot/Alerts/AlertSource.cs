namespace IncidentBot.Alerts;

/// <summary>Where an alert came from; its name in lowercase is what routes and the audit log call it.</summary>
public enum AlertSource
{
    PagerDuty,
    Opsgenie,
    Alertmanager,
}
