using System.Globalization;
using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Metrics;

/// <summary>
/// The figures of <c>/incident metrics</c> as Prometheus gauges over a window up to the scrape (label <c>window</c>),
/// plus the incidents open now. Times are in seconds, with <c>statistic</c> <c>mean</c> or <c>median</c>; a time no
/// incident has reached yet has no sample. Drills are left out, as everywhere.
/// </summary>
public static class PrometheusMetrics
{
    public static string Write(IncidentMetrics metrics, IEnumerable<Incident> open, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(open);
        var window = windowDays.ToString(CultureInfo.InvariantCulture) + "d";
        var rows = metrics.BySeverity.Append(metrics.Total).ToList();
        var text = new PrometheusText();

        text.Family("incidentbot_incidents", "gauge", "Incidents declared in the window, by severity (all: every severity).");
        foreach (var row in rows)
        {
            text.Sample("incidentbot_incidents", row.Count, ("severity", row.Severity), ("window", window));
        }

        Times(text, rows, window, "incidentbot_time_to_detect_seconds", "Impact start to declaration.", r => r.Detect);
        Times(text, rows, window, "incidentbot_time_to_acknowledge_seconds", "Declaration to the commander's first action.", r => r.Acknowledge);
        Times(text, rows, window, "incidentbot_time_to_identify_seconds", "Declaration to status identified.", r => r.Identify);
        Times(text, rows, window, "incidentbot_time_to_resolve_seconds", "Declaration to resolution.", r => r.Resolve);

        text.Family("incidentbot_postmortems_required", "gauge", "Resolved or closed incidents of the window whose severity requires a post-mortem.");
        text.Sample("incidentbot_postmortems_required", metrics.Postmortems.Of, ("window", window));
        text.Family("incidentbot_postmortems_done", "gauge", "Of those, closed after the post-mortem draft was shared.");
        text.Sample("incidentbot_postmortems_done", metrics.Postmortems.Done, ("window", window));
        text.Family("incidentbot_action_items", "gauge", "Action items recorded on the window's incidents.");
        text.Sample("incidentbot_action_items", metrics.ActionItems.Of, ("window", window));
        text.Family("incidentbot_action_items_done", "gauge", "Of those, marked done.");
        text.Sample("incidentbot_action_items_done", metrics.ActionItems.Done, ("window", window));
        text.Family("incidentbot_drills", "gauge", "Drills declared in the window (left out of every other figure).");
        text.Sample("incidentbot_drills", metrics.Drills, ("window", window));

        text.Family("incidentbot_open_incidents", "gauge", "Incidents not resolved yet, by severity.");
        var openBySeverity = open.Where(i => i.IsOpen && !i.IsDrill).GroupBy(i => i.Severity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var row in metrics.BySeverity)
        {
            text.Sample("incidentbot_open_incidents", openBySeverity.GetValueOrDefault(row.Severity), ("severity", row.Severity));
        }

        return text.ToString();
    }

    private static void Times(PrometheusText text, List<SeverityFigures> rows, string window, string name, string help, Func<SeverityFigures, Figure> pick)
    {
        text.Family(name, "gauge", help + " Mean and median over the window's incidents that got there.");
        foreach (var row in rows)
        {
            var figure = pick(row);
            if (figure.Mean is { } mean && figure.Median is { } median)
            {
                text.Sample(name, Seconds(mean), ("severity", row.Severity), ("statistic", "mean"), ("window", window));
                text.Sample(name, Seconds(median), ("severity", row.Severity), ("statistic", "median"), ("window", window));
            }
        }
    }

    private static double Seconds(Duration duration) => duration.TotalSeconds;
}
