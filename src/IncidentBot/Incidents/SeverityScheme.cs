using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>The configured severities, looked up by name or alias ignoring case and dashes (<c>sev1</c> = <c>SEV-1</c>).</summary>
public sealed class SeverityScheme
{
    private readonly Dictionary<string, Severity> byKey = new(StringComparer.OrdinalIgnoreCase);

    public SeverityScheme(IEnumerable<SeverityOptions> options, string defaultSeverity)
    {
        ArgumentNullException.ThrowIfNull(options);
        Levels = options.Select((o, rank) => new Severity(
            o.Name,
            o.Aliases,
            o.Description,
            Duration.FromTimeSpan(o.UpdateInterval ?? TimeSpan.Zero),
            o.PostmortemRequired ?? false,
            rank)).ToList();
        foreach (var level in Levels)
        {
            foreach (var word in level.Aliases.Prepend(level.Name))
            {
                byKey.TryAdd(Key(word), level);
            }
        }

        Default = Find(defaultSeverity) ?? throw new ArgumentException($"Default severity '{defaultSeverity}' is not one of the configured severities.", nameof(defaultSeverity));
    }

    public IReadOnlyList<Severity> Levels { get; }

    public Severity Default { get; }

    /// <summary>The names people may type, for help and error messages: <c>SEV-1, SEV-2, SEV-3, SEV-4</c>.</summary>
    public string Names => string.Join(", ", Levels.Select(l => l.Name));

    /// <summary>The level examples in replies name: the second most severe (<c>SEV-2</c>, <c>P1</c>), or the only one.</summary>
    public string Example => Levels[Math.Min(1, Levels.Count - 1)].Name;

    /// <summary>
    /// SEV-1..SEV-4 with the cadences and post-mortem rule of the incident handbook. The aliases are no ordinary words
    /// ("critical", "major"), so that a title that ends in one is not mistaken for a severity.
    /// </summary>
    public static IReadOnlyList<SeverityOptions> Defaults { get; } =
    [
        new() { Name = "SEV-1", Aliases = ["sev1", "p0"], Description = "Critical: customer-facing outage or data loss", UpdateInterval = TimeSpan.FromMinutes(15), PostmortemRequired = true },
        new() { Name = "SEV-2", Aliases = ["sev2", "p1"], Description = "Major: significant degradation for many customers", UpdateInterval = TimeSpan.FromMinutes(30), PostmortemRequired = true },
        new() { Name = "SEV-3", Aliases = ["sev3", "p2"], Description = "Minor: limited impact or a workaround exists", UpdateInterval = TimeSpan.FromHours(4), PostmortemRequired = false },
        new() { Name = "SEV-4", Aliases = ["sev4", "p3"], Description = "Low: cosmetic or internal only", UpdateInterval = TimeSpan.FromDays(1), PostmortemRequired = false },
    ];

    /// <summary>
    /// The configured levels with the rules each leaves unset (update interval, post-mortem) taken from the default level
    /// of the same rank (the most severe from SEV-1's, and so on): a P0..P3 scheme is four names, and P0 still owes an
    /// update every 15 minutes and a post-mortem. A level past the defaults' four has nothing to take: without an update interval it is refused.
    /// </summary>
    public static List<SeverityOptions> Filled(IReadOnlyList<SeverityOptions> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return [.. levels.Select((o, rank) => rank < Defaults.Count ? new SeverityOptions
        {
            Name = o.Name,
            Aliases = o.Aliases,
            Description = o.Description,
            UpdateInterval = o.UpdateInterval ?? Defaults[rank].UpdateInterval,
            PostmortemRequired = o.PostmortemRequired ?? Defaults[rank].PostmortemRequired,
        } : o)];
    }

    public Severity? Find(string word) => byKey.GetValueOrDefault(Key(word));

    /// <summary>The level by its configured name; an incident stored under a name since removed falls back to the default.</summary>
    public Severity Named(string name) => Find(name) ?? Default;

    private static string Key(string word) => word.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
}
