using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Fuzz;

/// <summary>
/// What a fuzz run found, grouped by kind (the status answered, or the exception and the bot's frame it came from),
/// so a report shows each distinct defect once with the first input that hit it.
/// </summary>
internal sealed partial class FuzzFailures(int seed)
{
    private readonly ConcurrentDictionary<string, (int Count, string First)> groups = new(StringComparer.Ordinal);

    public bool IsEmpty => groups.IsEmpty;

    public void Add(string kind, string input) =>
        groups.AddOrUpdate(kind, _ => (1, input), (_, seen) => (seen.Count + 1, seen.First));

    public void AddException(Exception ex, string input)
    {
        var site = BotFrame().Match(ex.ToString());
        Add($"{ex.GetType().Name} at {(site.Success ? site.Groups[1].Value : "?")}", input + ": " + Cut(ex.ToString()));
    }

    public override string ToString() =>
        $"{groups.Count} kinds of failure (seed {seed}, INCIDENTBOT_FUZZ_SEED replays it):\n"
        + string.Join("\n", groups.OrderByDescending(g => g.Value.Count).Select(g => $"- {g.Key} ×{g.Value.Count}, first: {g.Value.First}"));

    public static string Cut(string text) => text.Length > 700 ? text[..700] + "…" : text;

    [GeneratedRegex(@"at (IncidentBot\.(?!Tests)[\w.<>`]+)")]
    private static partial Regex BotFrame();
}
