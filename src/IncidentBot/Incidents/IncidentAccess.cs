namespace IncidentBot.Incidents;

/// <summary>What a change asks of the person who makes it (roles are handed out by <see cref="IncidentAuthority.RoleRefusal"/>).</summary>
public enum IncidentAccess
{
    /// <summary>Add to the record: updates, notes, action items. Anyone in the war room, or with a role or invitation.</summary>
    Contribute,

    /// <summary>Steer the incident: severity, status, resolve, close, impact start, escalate, page. Role holders.</summary>
    Steer,

    /// <summary>What only the commander decides: stopping or resuming reminders, cancelling the declaration.</summary>
    Command,

    /// <summary>Speak for the incident to customers (status-page drafts): the comms lead or the commander, whatever the open model says.</summary>
    Communicate,
}
