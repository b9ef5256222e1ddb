using NodaTime;

namespace IncidentBot.Metrics;

/// <summary>One time measure over a set of incidents: how many had it, their mean and their median (null when none had it).</summary>
public sealed record Figure(int Count, Duration? Mean, Duration? Median)
{
    public static Figure Of(IEnumerable<Duration> durations)
    {
        var sorted = durations.OrderBy(d => d).ToList();
        if (sorted.Count == 0)
        {
            return new Figure(0, null, null);
        }

        var mean = Duration.FromTicks(sorted.Sum(d => d.BclCompatibleTicks) / sorted.Count);

        // An even count has two middle values; the median is halfway between them.
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1
            ? sorted[middle]
            : Duration.FromTicks((sorted[middle - 1].BclCompatibleTicks + sorted[middle].BclCompatibleTicks) / 2);
        return new Figure(sorted.Count, mean, median);
    }
}
