namespace IncidentBot.Announcements;

/// <summary>
/// Settings of the <c>Incidents:StakeholderChannels</c> section: per severity (name or alias), the channel ids (C…, G…)
/// that get the incident's announcement besides the announcement channel, e.g. <c>"SEV-1": ["C0LEADERSHIP"]</c>, kept
/// current the same way. An incident raised to such a severity later is announced there from then on. Default none.
/// </summary>
public sealed class StakeholderChannelsOptions
{
    public const string Section = "Incidents:StakeholderChannels";

    /// <summary>The channels of each severity, by the severity's name or alias as configured.</summary>
    public Dictionary<string, List<string>> BySeverity { get; } = new(StringComparer.OrdinalIgnoreCase);
}
