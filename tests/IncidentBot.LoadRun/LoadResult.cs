using System.Diagnostics;

namespace IncidentBot.LoadRun;

/// <summary>What one load level measured: how many answers per second, their latency spread, and the failures.</summary>
internal sealed record LoadResult(int Sent, int Failed, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => (Sent - Failed) / Elapsed.TotalSeconds;

    /// <summary>At a fixed rate: how late the generator sent its requests (p99, ms), which the latencies above do not include.</summary>
    public double? LateP99Ms { get; init; }

    public static LoadResult From(List<long> latencyTicks, int failed, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(latencyTicks);
        latencyTicks.Sort();
        return new LoadResult(latencyTicks.Count, failed, elapsed, Percentile(latencyTicks, 0.50), Percentile(latencyTicks, 0.99), Percentile(latencyTicks, 1.0));
    }

    /// <summary>The nearest-rank percentile of sorted tick counts, in milliseconds.</summary>
    public static double Percentile(List<long> sortedTicks, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sortedTicks);
        if (sortedTicks.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * sortedTicks.Count) - 1;
        return sortedTicks[Math.Clamp(rank, 0, sortedTicks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
