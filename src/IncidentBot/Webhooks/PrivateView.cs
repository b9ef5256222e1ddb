namespace IncidentBot.Webhooks;

/// <summary>What a webhook receiver is sent of a private incident: <c>Incidents:Webhooks:[n]:PrivateIncidents</c>.</summary>
public enum PrivateView
{
    /// <summary>The default: every event, with only the id, number, severity, status and times of the incident, and no title, impact, roles, war room or text.</summary>
    Redacted,

    /// <summary>Every event in full, as for any other incident: for receivers as trusted as the war room.</summary>
    Full,

    /// <summary>Nothing: the receiver never learns a private incident exists (a public status page, say).</summary>
    Omit,
}
