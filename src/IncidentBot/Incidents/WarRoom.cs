namespace IncidentBot.Incidents;

/// <summary>
/// The incident's channel as far as it exists yet: the name it was planned with, the names already tried, and,
/// once created, its id and the declaration message pinned in it.
/// </summary>
public sealed class WarRoom
{
    public string PlannedName { get; set; } = "";

    public List<string> TriedNames { get; set; } = [];

    public string? ChannelId { get; set; }

    public string? Name { get; set; }

    public string? DeclarationTs { get; set; }
}
