using IncidentBot.Incidents;
using IncidentBot.Slack;
using Microsoft.Extensions.Options;

namespace IncidentBot.Announcements;

/// <summary>
/// Where an incident is announced: the announcement channel and the stakeholder channels of its severity. A private
/// incident or a drill is announced nowhere.
/// </summary>
public sealed class AnnouncementChannels(IOptions<IncidentsOptions> incidents, IOptions<StakeholderChannelsOptions> stakeholders, SeverityScheme scheme)
{
    public IReadOnlyList<SlackChannelId> For(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.IsPrivate || incident.IsDrill)
        {
            return [];
        }

        var severity = scheme.Named(incident.Severity).Name;
        var main = incidents.Value.AnnouncementChannel;
        return [.. (main.Length > 0 ? [main] : Array.Empty<string>())
            .Concat(stakeholders.Value.BySeverity.Where(s => scheme.Find(s.Key)?.Name == severity).SelectMany(s => s.Value))
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(c => new SlackChannelId(c))];
    }

    /// <summary>Whether <paramref name="severity"/> brings stakeholder channels in.</summary>
    public bool HasStakeholders(string severity) =>
        stakeholders.Value.BySeverity.Any(s => s.Value.Count > 0 && scheme.Find(s.Key)?.Name == scheme.Named(severity).Name);
}
