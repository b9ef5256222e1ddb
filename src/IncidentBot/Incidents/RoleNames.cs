namespace IncidentBot.Incidents;

/// <summary>The words for roles: what people type and what they read.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, IncidentRole> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["commander"] = IncidentRole.Commander,
        ["ic"] = IncidentRole.Commander,
        ["lead"] = IncidentRole.TechLead,
        ["techlead"] = IncidentRole.TechLead,
        ["comms"] = IncidentRole.CommsLead,
        ["commslead"] = IncidentRole.CommsLead,
        ["scribe"] = IncidentRole.Scribe,
    };

    public static bool TryParse(string word, out IncidentRole role) => Words.TryGetValue(word, out role);

    public static string Title(IncidentRole role) => role switch
    {
        IncidentRole.Commander => "Incident commander",
        IncidentRole.TechLead => "Tech lead",
        IncidentRole.CommsLead => "Comms lead",
        IncidentRole.Scribe => "Scribe",
        _ => role.ToString(),
    };
}
