namespace IncidentBot.Incidents;

/// <summary>The people the bot brought into the war room: they are the incident's members (<see cref="IsMember"/>).</summary>
public sealed partial class Incident
{
    /// <summary>
    /// Records <paramref name="people"/>, invited to the war room by an outbox step (a user group's members, whoever is on
    /// call, someone named), as responders. Like the declaration's own invitations it adds no timeline entry: the war
    /// room's post names them. Whoever is already one is not added again, so a repeated step changes nothing; nobody is
    /// added once the incident has <paramref name="max"/> responders (<see cref="IncidentLimits.Responders"/>).
    /// </summary>
    public void AddResponders(IEnumerable<ResponderId> people, int max)
    {
        ArgumentNullException.ThrowIfNull(people);
        foreach (var person in people)
        {
            if (Responders.Count < max && !Responders.Contains(person))
            {
                Responders.Add(person);
            }
        }
    }
}
