namespace IncidentBot.Incidents;

/// <summary>What the incident decided about one request: the timeline entries it added, or why it refused.</summary>
public sealed record Decision(IReadOnlyList<TimelineEntry> Entries, string? Refusal)
{
    public bool Applied => Refusal is null;

    public static Decision Refuse(string reason) => new([], reason);

    public static Decision Apply(params TimelineEntry[] entries) => new(entries, null);
}
