namespace IncidentBot.Incidents;

/// <summary>
/// Who may change what, read from the incident as it stands inside the write that changes it, so a role just lost no
/// longer counts. The commander hands over command and assigns roles; while nobody commands, anyone in the war room may
/// take it; role holders assign the other roles and steer; anyone in the war room adds to the record. Incident admins
/// may always act, and the open model (<c>Incidents:OpenCommands</c>) lets anyone steer and assign roles. Each refusal
/// says who can, with people named by the reader's syntax (<c>name</c>: a mention in Slack).
/// </summary>
public static class IncidentAuthority
{
    /// <summary>Null when <paramref name="actor"/> may <paramref name="action"/> the incident; otherwise why not and who can.</summary>
    public static string? Refusal(Incident incident, Actor actor, IncidentAccess permission, bool openCommands, string action, Func<ResponderId, string> name)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(name);
        if (actor.IsAdmin)
        {
            return null;
        }

        var member = actor.InWarRoom || incident.IsMember(actor.Id);
        return permission switch
        {
            IncidentAccess.Contribute when member || openCommands => null,
            IncidentAccess.Contribute =>
                $"Only people in {incident.Id}'s war room can {action} it. Ask its commander {Commander(incident, name)} to invite you, or run it in the war room.",
            IncidentAccess.Steer when openCommands || incident.HoldsARole(actor.Id) => null,
            IncidentAccess.Steer =>
                $"Only {incident.Id}'s role holders can {action} it: {Holders(incident, name)}. Ask one of them, or ask the commander for a role.",
            IncidentAccess.Communicate when actor.Id == incident.Holder(IncidentRole.Commander) || actor.Id == incident.Holder(IncidentRole.CommsLead) => null,
            IncidentAccess.Communicate => $"Customers hear one voice: only the comms lead or the incident commander can {action} {incident.Id}{Voices(incident, name)}.",
            _ when incident.Holder(IncidentRole.Commander) is { } commander => commander == actor.Id
                ? null
                : $"Only {incident.Id}'s incident commander {name(commander)} can {action} it.",

            // Nobody commands: whoever keeps the incident going may, rather than nobody at all.
            _ when (incident.Roles.Count == 0 && member) || incident.HoldsARole(actor.Id) => null,
            _ => $"{incident.Id} has no commander, so only its role holders can {action} it: {Holders(incident, name)}. Take command first: `/incident commander me`.",
        };
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may give <paramref name="role"/> to <paramref name="holder"/> (null: clear it);
    /// otherwise why not and who can.
    /// </summary>
    public static string? RoleRefusal(Incident incident, Actor actor, IncidentRole role, ResponderId? holder, bool openCommands, Func<ResponderId, string> name)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(name);
        if (actor.IsAdmin || openCommands)
        {
            return null;
        }

        var commander = incident.Holder(IncidentRole.Commander);
        if (role == IncidentRole.Commander)
        {
            if (commander is { } current)
            {
                return current == actor.Id
                    ? null
                    : $"Only the incident commander {name(current)} can hand over command of {incident.Id}. Ask them to run `/incident commander @you`.";
            }

            var member = actor.InWarRoom || incident.IsMember(actor.Id);
            return (member && holder == actor.Id) || incident.HoldsARole(actor.Id)
                ? null
                : $"{incident.Id} has no commander: anyone in its war room can take command with `/incident commander me`.";
        }

        return incident.HoldsARole(actor.Id)
            ? null
            : $"Only {incident.Id}'s role holders can assign its roles: {Holders(incident, name)}. Ask one of them to run `/incident {RoleNames.Word(role)} @you`.";
    }

    private static string Holders(Incident incident, Func<ResponderId, string> name) => incident.Roles.Count == 0
        ? "nobody holds a role yet"
        : string.Join(", ", incident.Roles.Select(r => $"{RoleNames.Title(r.Role)} {name(r.Holder)}"));

    private static string Voices(Incident incident, Func<ResponderId, string> name) =>
        new[] { incident.Holder(IncidentRole.CommsLead), incident.Holder(IncidentRole.Commander) }.OfType<ResponderId>().Select(name).ToList() is { Count: > 0 } voices
            ? ": " + string.Join(" or ", voices)
            : "";

    private static string Commander(Incident incident, Func<ResponderId, string> name) =>
        incident.Holder(IncidentRole.Commander) is { } c ? name(c) : "(nobody commands it yet)";
}
