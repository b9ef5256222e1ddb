using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.WarRooms;

/// <summary>
/// Whoever an outbox step got into the war room becomes the incident's responder (<see cref="Incident.AddResponders"/>),
/// so a private incident shows itself to them, and answers them, outside its war room too. One write, and none when
/// everyone was a member already. An incident records at most <see cref="IncidentLimits.Responders"/> of them: a
/// workspace-wide user group still gets into the room, but the incident every later change rewrites stays small;
/// whoever is past the limit sees it from inside its war room, as before they were recorded at all.
/// </summary>
public sealed partial class WarRoomMembers(IIncidentStore store, IOptions<IncidentLimits> limits, ILogger<WarRoomMembers> logger)
{
    public Task RecordAsync(Incident incident, IEnumerable<SlackUserId> invited)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(invited);
        List<ResponderId> added = [.. invited.Select(u => new ResponderId(u.Value)).Where(r => !incident.Responders.Contains(r)).Distinct()];
        var max = limits.Value.Responders;
        var room = Math.Max(0, max - incident.Responders.Count);
        if (added.Count > room)
        {
            LogPastLimit(incident.Id.ToString(), added.Count - room, max);
        }

        // Nobody new, or no room left: no write at all, however often the step runs again.
        return added.Count == 0 || room == 0 ? Task.CompletedTask : store.LearnAsync(incident.Id, i => i.AddResponders(added.Take(room), max));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Incident}: {Count} people got into the war room but are not recorded as its members: an incident records at most {Max} (Limits:Responders)")]
    private partial void LogPastLimit(string incident, int count, int max);
}
