using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>The roles of incident command: handed over, given and cleared (who may: <see cref="IncidentAuthority"/>).</summary>
public sealed partial class Incident
{
    public Decision AssignRole(IncidentRole role, ResponderId holder, ResponderId by, Instant now)
    {
        if (IncidentLifecycle.IsFinal(Status))
        {
            return Decision.Refuse(IncidentLifecycle.Refusal(Status, Status)!);
        }

        if (Holder(role) == holder)
        {
            return Decision.Refuse(holder, "already holds that role");
        }

        var previous = Holder(role);
        Roles.RemoveAll(r => r.Role == role);
        Roles.Add(new RoleAssignment(role, holder));
        Roles.Sort((a, b) => a.Role.CompareTo(b.Role));
        if (!Responders.Contains(holder))
        {
            Responders.Add(holder);
        }

        var entry = new TimelineEntry(now, TimelineKind.RoleAssigned, by, RoleNames.Title(role))
        {
            From = previous is { } was ? [TimelineParty.Person(was)] : [],
            To = [TimelineParty.Person(holder)],
        };
        return Record(entry, new RoleChanged(role, previous, holder));
    }

    /// <summary>Leaves <paramref name="role"/> empty; a commander who steps down leaves the command for anyone in the war room to take.</summary>
    public Decision ClearRole(IncidentRole role, ResponderId by, Instant now)
    {
        if (Status == IncidentStatus.Closed)
        {
            return Decision.Refuse(IncidentLifecycle.Refusal(Status, Status)!);
        }

        if (Holder(role) is not { } previous)
        {
            return Decision.Refuse($"nobody is {RoleNames.Title(role)}");
        }

        Roles.RemoveAll(r => r.Role == role);
        var entry = new TimelineEntry(now, TimelineKind.RoleAssigned, by, RoleNames.Title(role)) { From = [TimelineParty.Person(previous)] };
        return Record(entry, new RoleChanged(role, previous, null));
    }
}
