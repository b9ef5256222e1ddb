namespace IncidentBot.Incidents;

/// <summary>The words for roles: what people type and what they read.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, IncidentRole> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["commander"] = IncidentRole.Commander,
        ["ic"] = IncidentRole.Commander,
        ["incidentcommander"] = IncidentRole.Commander,
        ["lead"] = IncidentRole.TechLead,
        ["techlead"] = IncidentRole.TechLead,
        ["comms"] = IncidentRole.CommsLead,
        ["commslead"] = IncidentRole.CommsLead,
        ["scribe"] = IncidentRole.Scribe,
    };

    /// <summary>Every spelling people type, the handbooks' included (<c>tech-lead</c>, <c>ic</c>).</summary>
    public static IReadOnlyCollection<string> Spellings { get; } =
        ["commander", "ic", "incident-commander", "lead", "techlead", "tech-lead", "comms", "commslead", "comms-lead", "scribe"];

    public static bool TryParse(string word, out IncidentRole role)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Words.TryGetValue(word.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), out role);
    }

    /// <summary>The short word for a role, as help and examples spell it: <c>lead</c>.</summary>
    public static string Word(IncidentRole role) => role switch
    {
        IncidentRole.Commander => "commander",
        IncidentRole.TechLead => "lead",
        IncidentRole.CommsLead => "comms",
        _ => "scribe",
    };

    public static string Title(IncidentRole role) => role switch
    {
        IncidentRole.Commander => "Incident commander",
        IncidentRole.TechLead => "Tech lead",
        IncidentRole.CommsLead => "Comms lead",
        IncidentRole.Scribe => "Scribe",
        _ => role.ToString(),
    };
}
