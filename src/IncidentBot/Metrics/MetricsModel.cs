using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using NodaTime;
using Scriban.Runtime;

namespace IncidentBot.Metrics;

/// <summary>
/// What <c>metrics.sbn</c> and the monthly review see of <see cref="IncidentMetrics"/>, snake_case: durations as
/// <c>1h 05m</c>, rates as <c>75%</c>, and <c>–</c> where there is nothing to measure.
/// </summary>
public static class MetricsModel
{
    public const string None = "–";

    public static ScriptObject For(IncidentMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = new ScriptArray();
        foreach (var severity in metrics.BySeverity)
        {
            rows.Add(Row(severity));
        }

        return new ScriptObject
        {
            ["period"] = metrics.Period.Label,
            ["severities"] = rows,
            ["total"] = Row(metrics.Total),
            ["postmortems"] = RateModel(metrics.Postmortems),
            ["action_items"] = RateModel(metrics.ActionItems),
            ["drills"] = metrics.Drills,
        };
    }

    public static string Span(Duration? duration) => duration is { } d ? SlackText.Duration(d) : None;

    public static string Percent(Rate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return rate.Percent is { } p ? Math.Round(p, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : None;
    }

    /// <summary>A model the template must render at start-up.</summary>
    public static ScriptObject Sample()
    {
        var now = Instant.FromUtc(2026, 11, 30, 12, 0);
        var scheme = new SeverityScheme(SeverityScheme.Defaults, "SEV-3");
        var reporter = new ResponderId("UREPORTER");
        var incident = Incident.Declare(new IncidentId(1), "Checkout returns 500s", scheme.Levels[0], "", false, reporter, "CGENERAL", "inc-checkout", now - Duration.FromHours(2), impactStartedAt: now - Duration.FromHours(3));
        incident.Resolve("Rolled back", reporter, now - Duration.FromHours(1));
        return new ScriptObject { ["metrics"] = For(IncidentMetrics.Compute(MetricsPeriod.LastDays(30, now), [incident], scheme, new HashSet<IncidentId>())) };
    }

    private static ScriptObject Row(SeverityFigures figures) => new()
    {
        ["name"] = figures.Severity,
        ["count"] = figures.Count,
        ["detect"] = FigureModel(figures.Detect),
        ["acknowledge"] = FigureModel(figures.Acknowledge),
        ["identify"] = FigureModel(figures.Identify),
        ["resolve"] = FigureModel(figures.Resolve),
    };

    private static ScriptObject FigureModel(Figure figure) => new()
    {
        ["count"] = figure.Count,
        ["mean"] = Span(figure.Mean),
        ["median"] = Span(figure.Median),
    };

    private static ScriptObject RateModel(Rate rate) => new()
    {
        ["done"] = rate.Done,
        ["of"] = rate.Of,
        ["percent"] = Percent(rate),
    };
}
