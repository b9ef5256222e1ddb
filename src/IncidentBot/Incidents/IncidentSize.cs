namespace IncidentBot.Incidents;

/// <summary>How much an incident holds of what <see cref="IncidentLimits"/> bounds, taken before a decision to compare after it.</summary>
public sealed record IncidentSize(int ActionItems, int EscalatedTo, int Written, string? Resolution)
{
    public static IncidentSize Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new(incident.ActionItems.Count, incident.EscalatedTo.Count, incident.TimelineWritten, incident.Resolution);
    }
}
