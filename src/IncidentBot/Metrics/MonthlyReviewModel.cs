using System.Globalization;
using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using NodaTime;
using NodaTime.Text;
using Scriban.Runtime;

namespace IncidentBot.Metrics;

/// <summary>
/// What <c>monthly-review.md.sbn</c> sees: the month's figures (<see cref="MetricsModel"/>), the previous month's for the
/// trends, and the month's incidents. It is Markdown for a wiki, so text goes through <see cref="MarkdownText"/>, and a
/// private incident shows no title: the review is shared more widely than its war room.
/// </summary>
public static class MonthlyReviewModel
{
    private static readonly YearMonthPattern Long = YearMonthPattern.CreateWithInvariantCulture("MMMM uuuu");

    /// <param name="month">The month under review.</param>
    /// <param name="incidents">Incidents of that month and the one before, at least; others are ignored.</param>
    /// <param name="scheme">The severity scheme.</param>
    /// <param name="postmortemShared">Ids of incidents whose post-mortem draft was shared.</param>
    /// <param name="now">When the review is made.</param>
    public static ScriptObject For(YearMonth month, IReadOnlyList<Incident> incidents, SeverityScheme scheme, IReadOnlySet<IncidentId> postmortemShared, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(postmortemShared);
        var period = MetricsPeriod.Month(month);
        var current = IncidentMetrics.Compute(period, incidents, scheme, postmortemShared);
        var previous = IncidentMetrics.Compute(MetricsPeriod.Month(month.PlusMonths(-1)), incidents, scheme, postmortemShared);
        var list = new ScriptArray();
        foreach (var incident in incidents.Where(i => !i.IsDrill && !i.IsVoid && i.DeclaredAt >= period.Start && i.DeclaredAt < period.End).OrderBy(i => i.DeclaredAt))
        {
            list.Add(Row(incident, scheme, postmortemShared, now));
        }

        return new ScriptObject
        {
            ["month"] = Long.Format(month),
            ["previous_month"] = Long.Format(month.PlusMonths(-1)),
            ["metrics"] = MetricsModel.For(current),
            ["incidents"] = list,
            ["trends"] = Trends(current, previous),
            ["generated_at"] = MarkdownText.Time(now),
        };
    }

    /// <summary>A model the template must render at start-up.</summary>
    public static ScriptObject Sample()
    {
        var scheme = new SeverityScheme(SeverityScheme.Defaults, "SEV-3");
        var reporter = new ResponderId("UREPORTER");
        var declared = Instant.FromUtc(2026, 11, 24, 3, 12);
        var open = Incident.Declare(new IncidentId(1), "Checkout returns 500s", scheme.Levels[0], "", true, reporter, "CGENERAL", "inc-checkout", declared);
        var resolved = Incident.Declare(new IncidentId(2), "Search | slow", scheme.Levels[1], "", false, reporter, "CGENERAL", "inc-search", declared);
        resolved.AddActionItem("Alert", reporter, null, reporter, declared);
        resolved.Resolve("Fixed", reporter, declared + Duration.FromHours(1));
        return For(new YearMonth(2026, 11), [open, resolved], scheme, new HashSet<IncidentId> { new(2) }, declared + Duration.FromHours(2));
    }

    private static ScriptObject Row(Incident incident, SeverityScheme scheme, IReadOnlySet<IncidentId> shared, Instant now)
    {
        var required = scheme.Find(incident.Severity) is { PostmortemRequired: true };
        var postmortem = (required, shared.Contains(incident.Id), incident.Status) switch
        {
            (_, true, IncidentStatus.Closed) => "done",
            (_, true, _) => "draft shared",
            (true, false, IncidentStatus.Resolved or IncidentStatus.Closed) => "missing",
            (true, false, _) => "after resolution",
            _ => "not required",
        };
        return new ScriptObject
        {
            ["id"] = incident.Id.ToString(),
            ["title"] = incident.IsPrivate ? "🔒 private incident" : MarkdownText.Cell(incident.Title),
            ["severity"] = incident.Severity,
            ["status"] = IncidentLifecycle.Word(incident.Status),
            ["declared_at"] = MarkdownText.Time(incident.DeclaredAt),
            ["time_to_detect"] = SlackText.Duration(incident.DeclaredAt - incident.ImpactStarted()),
            ["time_to_resolve"] = incident.ResolvedAt is { } r ? SlackText.Duration(r - incident.DeclaredAt) : "open for " + SlackText.Duration(now - incident.DeclaredAt),
            ["postmortem"] = postmortem,
            ["action_items_done"] = incident.ActionItems.Count(a => a.DoneAt is not null),
            ["action_items"] = incident.ActionItems.Count,
        };
    }

    private static ScriptArray Trends(IncidentMetrics current, IncidentMetrics previous) =>
    [
        Trend("Incidents", previous.Total.Count.ToString(CultureInfo.InvariantCulture), current.Total.Count.ToString(CultureInfo.InvariantCulture), Signed(current.Total.Count - previous.Total.Count)),
        Time("Mean time to detect", previous.Total.Detect.Mean, current.Total.Detect.Mean),
        Time("Mean time to acknowledge", previous.Total.Acknowledge.Mean, current.Total.Acknowledge.Mean),
        Time("Mean time to identify", previous.Total.Identify.Mean, current.Total.Identify.Mean),
        Time("Mean time to resolve", previous.Total.Resolve.Mean, current.Total.Resolve.Mean),
        Points("Post-mortems done", previous.Postmortems, current.Postmortems),
        Points("Action items done", previous.ActionItems, current.ActionItems),
    ];

    private static ScriptObject Trend(string measure, string before, string now, string change) =>
        new() { ["measure"] = measure, ["previous"] = before, ["current"] = now, ["change"] = change };

    private static ScriptObject Time(string measure, Duration? before, Duration? now) =>
        Trend(measure, MetricsModel.Span(before), MetricsModel.Span(now), (before, now) switch
        {
            ({ } b, { } n) when n >= b => "+" + SlackText.Duration(n - b),
            ({ } b, { } n) => "−" + SlackText.Duration(b - n),
            _ => MetricsModel.None,
        });

    private static ScriptObject Points(string measure, Rate before, Rate now) =>
        Trend(measure, MetricsModel.Percent(before), MetricsModel.Percent(now), (before.Percent, now.Percent) switch
        {
            ({ } b, { } n) => Signed((int)Math.Round(n - b, MidpointRounding.AwayFromZero)) + " points",
            _ => MetricsModel.None,
        });

    private static string Signed(int change) => change switch
    {
        > 0 => "+" + change.ToString(CultureInfo.InvariantCulture),
        < 0 => "−" + (-change).ToString(CultureInfo.InvariantCulture),
        _ => "±0",
    };
}
