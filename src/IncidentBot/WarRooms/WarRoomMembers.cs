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
        if (added.Count == 0)
        {
            return Task.CompletedTask;
        }

        var max = limits.Value.Responders;
        if (incident.Responders.Count + added.Count > max)
        {
            LogPastLimit(incident.Id.ToString(), incident.Responders.Count + added.Count - max, max);
        }

        return store.LearnAsync(incident.Id, i => i.AddResponders(added, max));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Incident}: {Count} people got into the war room but are not recorded as its members: an incident records at most {Max} (Limits:Responders)")]
    private partial void LogPastLimit(string incident, int count, int max);
}
