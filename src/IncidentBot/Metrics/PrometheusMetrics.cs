using System.Globalization;
using IncidentBot.Incidents;
using Prometheus;

namespace IncidentBot.Metrics;

/// <summary>
/// The figures of <c>/incident metrics</c> as Prometheus gauges over a window up to the scrape (label <c>window</c>),
/// plus the incidents open now, in a prometheus-net registry of their own. Times are in seconds, with <c>statistic</c>
/// <c>mean</c> or <c>median</c>; a time no incident has reached yet has no sample, and a sample whose incidents left the
/// window goes with them. Drills are left out, as everywhere.
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    /// <summary>The text exposition format prometheus-net writes.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const string TimesHelp = " Mean and median over the window's incidents that got there.";
    private static readonly string[] Times = ["severity", "statistic", "window"];

    private readonly CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly SemaphoreSlim scraping = new(1, 1);
    private readonly Gauge incidents;
    private readonly Gauge detect;
    private readonly Gauge acknowledge;
    private readonly Gauge identify;
    private readonly Gauge resolve;
    private readonly Gauge postmortemsRequired;
    private readonly Gauge postmortemsDone;
    private readonly Gauge actionItems;
    private readonly Gauge actionItemsDone;
    private readonly Gauge drills;
    private readonly Gauge open;

    public PrometheusMetrics()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        incidents = factory.CreateGauge("incidentbot_incidents", "Incidents declared in the window, by severity (all: every severity).", "severity", "window");
        detect = factory.CreateGauge("incidentbot_time_to_detect_seconds", "Impact start to declaration." + TimesHelp, Times);
        acknowledge = factory.CreateGauge("incidentbot_time_to_acknowledge_seconds", "Declaration to the first acknowledgement (/incident ack, the escalation DM's button or the pager)." + TimesHelp, Times);
        identify = factory.CreateGauge("incidentbot_time_to_identify_seconds", "Declaration to status identified." + TimesHelp, Times);
        resolve = factory.CreateGauge("incidentbot_time_to_resolve_seconds", "Declaration to resolution." + TimesHelp, Times);
        postmortemsRequired = factory.CreateGauge("incidentbot_postmortems_required", "Resolved or closed incidents of the window whose severity requires a post-mortem.", "window");
        postmortemsDone = factory.CreateGauge("incidentbot_postmortems_done", "Of those, closed after the post-mortem draft was shared.", "window");
        actionItems = factory.CreateGauge("incidentbot_action_items", "Action items recorded on the window's incidents.", "window");
        actionItemsDone = factory.CreateGauge("incidentbot_action_items_done", "Of those, marked done.", "window");
        drills = factory.CreateGauge("incidentbot_drills", "Drills declared in the window (left out of every other figure).", "window");
        open = factory.CreateGauge("incidentbot_open_incidents", "Incidents not resolved yet, by severity.", "severity");
    }

    /// <summary>Sets every gauge from <paramref name="metrics"/> and <paramref name="openNow"/>, and writes the registry as text.</summary>
    public async Task<byte[]> ScrapeAsync(IncidentMetrics metrics, IEnumerable<Incident> openNow, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(openNow);
        await scraping.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Set(metrics, openNow, windowDays.ToString(CultureInfo.InvariantCulture) + "d");
            using var text = new MemoryStream();
            await registry.CollectAndExportAsTextAsync(text, cancellationToken).ConfigureAwait(false);
            return text.ToArray();
        }
        finally
        {
            scraping.Release();
        }
    }

    public void Dispose() => scraping.Dispose();

    private void Set(IncidentMetrics metrics, IEnumerable<Incident> openNow, string window)
    {
        var rows = metrics.BySeverity.Append(metrics.Total).ToList();
        Publish(incidents, rows.Select(r => (r.Count * 1.0, new[] { r.Severity, window })));
        Publish(detect, TimeSamples(rows, window, r => r.Detect));
        Publish(acknowledge, TimeSamples(rows, window, r => r.Acknowledge));
        Publish(identify, TimeSamples(rows, window, r => r.Identify));
        Publish(resolve, TimeSamples(rows, window, r => r.Resolve));
        Publish(postmortemsRequired, [(metrics.Postmortems.Of, [window])]);
        Publish(postmortemsDone, [(metrics.Postmortems.Done, [window])]);
        Publish(actionItems, [(metrics.ActionItems.Of, [window])]);
        Publish(actionItemsDone, [(metrics.ActionItems.Done, [window])]);
        Publish(drills, [(metrics.Drills, [window])]);
        var openBySeverity = openNow.Where(i => i.IsOpen && !i.IsDrill).GroupBy(i => i.Severity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Publish(open, metrics.BySeverity.Select(r => (openBySeverity.GetValueOrDefault(r.Severity) * 1.0, new[] { r.Severity })));
    }

    private static IEnumerable<(double Value, string[] Labels)> TimeSamples(List<SeverityFigures> rows, string window, Func<SeverityFigures, Figure> pick)
    {
        foreach (var row in rows)
        {
            if (pick(row) is { Mean: { } mean, Median: { } median })
            {
                yield return (mean.TotalSeconds, [row.Severity, "mean", window]);
                yield return (median.TotalSeconds, [row.Severity, "median", window]);
            }
        }
    }

    /// <summary>Sets the samples of this scrape and removes those of an earlier one that have none now.</summary>
    private static void Publish(Gauge gauge, IEnumerable<(double Value, string[] Labels)> samples)
    {
        var now = samples.ToList();
        foreach (var stale in gauge.GetAllLabelValues().Where(l => !now.Any(s => s.Labels.AsSpan().SequenceEqual(l))).ToList())
        {
            gauge.WithLabels(stale).Remove();
        }

        foreach (var (value, labels) in now)
        {
            gauge.WithLabels(labels).Set(value);
        }
    }
}
