using IncidentBot.Incidents;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Escalation;

/// <summary>The configured escalation steps of each severity, in order of time; a severity stored under an alias finds its steps too.</summary>
public sealed class EscalationMatrix(IOptions<EscalationOptions> options, IOptions<IncidentsOptions> incidents, SeverityScheme scheme)
{
    private readonly Lazy<Dictionary<string, IReadOnlyList<EscalationStep>>> bySeverity = new(() => Build(options.Value, scheme));
    private readonly Lazy<List<string>> handles = new(() => options.Value.Escalation.Values
        .SelectMany(steps => steps.SelectMany(s => s.Notify))
        .Select(t => EscalationTargets.Parse(t))
        .OfType<string>()
        .Where(t => t.StartsWith('@'))
        .Distinct(StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// The seeds' matrix by rank, most severe first: on-call and the engineering lead at once, then VP Engineering, CTO
    /// and CEO as the most severe level drags on. The handles are placeholders; replace them with your user-group handles or ids.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<EscalationStepOptions>> DefaultsByRank =>
    [
        [Step(0, "@oncall", "@engineering-lead"), Step(15, "@vp-engineering"), Step(30, "@cto"), Step(60, "@ceo")],
        [Step(0, "@oncall"), Step(15, "@engineering-lead"), Step(30, "@vp-engineering")],
        [Step(0, "@oncall"), Step(15, "@engineering-lead")],
    ];

    /// <summary>
    /// The seeds' matrix keyed by the configured scheme: the most severe level gets the first list of
    /// <see cref="DefaultsByRank"/>, the next the second, and so on; levels beyond it never escalate by themselves.
    /// </summary>
    public static Dictionary<string, List<EscalationStepOptions>> Defaults(IReadOnlyList<SeverityOptions> severities)
    {
        ArgumentNullException.ThrowIfNull(severities);
        return severities.Zip(DefaultsByRank).ToDictionary(p => p.First.Name, p => p.Second.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The user-group handles the matrix names (<c>@oncall</c>, lowercase), in the order it names them: the on-call
    /// targets people may escalate to by handle.
    /// </summary>
    public IReadOnlyList<string> Handles => handles.Value;

    /// <summary>The steps of <paramref name="severity"/>, earliest first; none when automatic escalation is off.</summary>
    public IReadOnlyList<EscalationStep> For(string severity) =>
        incidents.Value.AutoEscalation ? bySeverity.Value.GetValueOrDefault(scheme.Named(severity).Name) ?? [] : [];

    private static Dictionary<string, IReadOnlyList<EscalationStep>> Build(EscalationOptions options, SeverityScheme scheme)
    {
        var matrix = new Dictionary<string, IReadOnlyList<EscalationStep>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, steps) in options.Escalation)
        {
            if (scheme.Find(name) is { } severity)
            {
                matrix[severity.Name] = steps
                    .OrderBy(s => s.After)
                    .Select(s => new EscalationStep(Duration.FromTimeSpan(s.After), s.Notify.Select(t => EscalationTargets.Parse(t) ?? t).ToList(), string.IsNullOrWhiteSpace(s.Page) ? null : s.Page.Trim()))
                    .ToList();
            }
        }

        return matrix;
    }

    private static EscalationStepOptions Step(int minutes, params string[] notify) => new() { After = TimeSpan.FromMinutes(minutes), Notify = [.. notify] };
}
