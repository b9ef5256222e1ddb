using IncidentBot.Metrics;

namespace IncidentBot.Tests.Metrics;

public sealed class PrometheusMetricsTests
{
    [Fact]
    public async Task The_scripted_month_as_gauges_in_seconds()
    {
        var november = MetricsPeriod.Month(new NodaTime.YearMonth(2026, 11));
        var metrics = IncidentMetrics.Compute(november, ScriptedMonth.Incidents(), ScriptedMonth.Scheme, ScriptedMonth.Shared);

        using var prometheus = new PrometheusMetrics();
        var text = System.Text.Encoding.UTF8.GetString(await prometheus.ScrapeAsync(metrics, ScriptedMonth.Incidents(), 30, CancellationToken.None));

        // SEV-1 detect: mean 33m20s = 2000 s, median 30m = 1800 s (worked out in IncidentMetricsTests).
        Assert.Contains("incidentbot_time_to_detect_seconds{severity=\"SEV-1\",statistic=\"mean\",window=\"30d\"} 2000\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_time_to_detect_seconds{severity=\"SEV-1\",statistic=\"median\",window=\"30d\"} 1800\n", text, StringComparison.Ordinal);

        // SEV-2 was never identified: no sample rather than a made-up zero.
        Assert.DoesNotContain("incidentbot_time_to_identify_seconds{severity=\"SEV-2\"", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_postmortems_done{window=\"30d\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_action_items{window=\"30d\"} 6\n", text, StringComparison.Ordinal);

        // Open now: INC-5 (SEV-2); the drill INC-6 is resolved anyway and would not count.
        Assert.Contains("incidentbot_open_incidents{severity=\"SEV-2\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_open_incidents{severity=\"SEV-1\"} 0\n", text, StringComparison.Ordinal);
    }
}
