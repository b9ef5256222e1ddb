namespace IncidentBot.Metrics;

/// <summary><see cref="Done"/> out of <see cref="Of"/>; <see cref="Percent"/> is null when there was nothing to do.</summary>
public sealed record Rate(int Done, int Of)
{
    public double? Percent => Of == 0 ? null : 100.0 * Done / Of;
}
