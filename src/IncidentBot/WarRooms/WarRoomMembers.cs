using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;

namespace IncidentBot.WarRooms;

/// <summary>
/// Whoever an outbox step got into the war room becomes the incident's responder (<see cref="Incident.AddResponders"/>),
/// so a private incident shows itself to them, and answers them, outside its war room too. One write, and none when
/// everyone was a member already.
/// </summary>
public static class WarRoomMembers
{
    public static Task RecordAsync(IIncidentStore store, Incident incident, IEnumerable<SlackUserId> invited)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(invited);
        List<ResponderId> added = [.. invited.Select(u => new ResponderId(u.Value)).Where(r => !incident.Responders.Contains(r)).Distinct()];
        return added.Count == 0 ? Task.CompletedTask : store.LearnAsync(incident.Id, i => i.AddResponders(added));
    }
}
