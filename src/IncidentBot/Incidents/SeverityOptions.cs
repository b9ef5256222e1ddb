namespace IncidentBot.Incidents;

/// <summary>One item of <c>Incidents:Severities</c>.</summary>
public sealed class SeverityOptions
{
    /// <summary>The name people see and type, e.g. <c>SEV-1</c> or <c>P0</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Other words that mean this severity, e.g. <c>["sev1", "p0"]</c>. Matching ignores case.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>What the level means, shown in the declaration and in help.</summary>
    public string Description { get; set; } = "";

    /// <summary>How often the commander owes the war room an update, e.g. <c>00:15:00</c>; unset, the default level's of the same rank.</summary>
    public TimeSpan? UpdateInterval { get; set; }

    /// <summary>Whether resolving an incident of this severity requires a post-mortem; unset, the default level's of the same rank.</summary>
    public bool? PostmortemRequired { get; set; }
}
