namespace IncidentBot.LoadRun;

/// <summary>How long and how hard: the full run for the figures in docs/PERFORMANCE.md, or <c>--quick</c> to try the runner.</summary>
internal sealed record RunSettings(
    TimeSpan Measure,
    TimeSpan WarmUp,
    int[] Rates,
    int Connections,
    int WarRoomSamples,
    int BurstReactions,
    int GrowthIncidents,
    int GrowthEntries,
    int GrowthSamples,
    int EngineDeclarations,
    int EngineBurst)
{
    /// <summary>The phases to run: all of them, or the one named after <c>--only</c> (to profile it alone).</summary>
    public IReadOnlySet<string> Phases { get; init; } = AllPhases;

    /// <summary>
    /// How long the ack path measures each fixed rate: longer than <see cref="Measure"/>, so a p99 at 100 req/s is the
    /// fifteenth slowest of 1,500 answers rather than the fifth of 500, and one stall does not decide it.
    /// </summary>
    public TimeSpan FixedRateMeasure { get; init; } = Measure;

    /// <summary>
    /// The year phase's days, incidents a day and messages an incident (see Run.Year.cs): by default the year,
    /// 365 days × 20 incidents × 200 messages, about a minute on 2 cores; <c>--year 365x4x40</c> runs a fifth of it.
    /// </summary>
    public (int Days, int Incidents, int Messages) Year { get; init; } = (365, 20, 200);

    public static IReadOnlySet<string> AllPhases { get; } = new HashSet<string>(["ack", "warroom", "burst", "growth", "engines", "year"], StringComparer.Ordinal);

    /// <summary>
    /// The PostgreSQL server the engines phase runs the bot on (<c>--postgres</c>, an Npgsql connection string; the run
    /// uses a schema of its own there and drops it at the end), or null for a throwaway cluster started with <c>.ci/postgres</c>.
    /// </summary>
    public string? Postgres { get; init; }

    public bool Runs(string phase) => Phases.Contains(phase);

    public static RunSettings? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var year = Array.IndexOf(args, "--year");
        if (year >= 0)
        {
            var scale = year + 1 < args.Length ? args[year + 1].Split('x').Select(n => int.TryParse(n, out var v) && v > 0 ? v : 0).ToArray() : [];
            return scale is [> 0, > 0, > 0] && Parse([.. args[..year], .. args[(year + 2)..]]) is { } chosen ? chosen with { Year = (scale[0], scale[1], scale[2]) } : null;
        }

        var postgres = Array.IndexOf(args, "--postgres");
        if (postgres >= 0)
        {
            if (postgres + 1 >= args.Length || args[postgres + 1].Length == 0)
            {
                return null;
            }

            var server = args[postgres + 1];
            return Parse([.. args[..postgres], .. args[(postgres + 2)..]]) is { } given ? given with { Postgres = server } : null;
        }

        var only = Array.IndexOf(args, "--only");
        if (only >= 0)
        {
            if (only + 1 >= args.Length || !AllPhases.Contains(args[only + 1]))
            {
                return null;
            }

            var phase = args[only + 1];
            return Parse([.. args[..only], .. args[(only + 2)..]]) is { } chosen ? chosen with { Phases = new HashSet<string>([phase], StringComparer.Ordinal) } : null;
        }

        return args switch
        {
            [] => new RunSettings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), [100, 250, 500], 16, 5, 2000, 10_000, 100, 50, 50, 400) { FixedRateMeasure = TimeSpan.FromSeconds(15) },
            ["--quick"] => new RunSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), [100, 500], 16, 2, 200, 500, 100, 10, 16, 64) { Year = (30, 5, 50) },
            _ => null,
        };
    }
}
