using IncidentBot.Metrics;
using NodaTime;

namespace IncidentBot.Tests.Metrics;

public sealed class IncidentMetricsTests
{
    private static readonly MetricsPeriod November = MetricsPeriod.Month(new YearMonth(2026, 11));

    private static IncidentMetrics Compute() => IncidentMetrics.Compute(November, ScriptedMonth.Incidents(), ScriptedMonth.Scheme, ScriptedMonth.Shared);

    private static Duration Min(double minutes) => Duration.FromSeconds(minutes * 60);

    [Fact]
    public void Counts_by_severity_leave_out_the_drill_and_other_months()
    {
        var metrics = Compute();

        // November: INC-1, 2, 8 (SEV-1), INC-3, 5 (SEV-2), INC-4 (SEV-3). INC-7 is October's; INC-6 is a drill.
        Assert.Equal(["SEV-1", "SEV-2", "SEV-3", "SEV-4"], metrics.BySeverity.Select(s => s.Severity));
        Assert.Equal([3, 2, 1, 0], metrics.BySeverity.Select(s => s.Count));
        Assert.Equal(6, metrics.Total.Count);
        Assert.Equal(1, metrics.Drills);
    }

    [Fact]
    public void Sev1_times_are_the_hand_computed_means_and_medians()
    {
        var sev1 = Compute().BySeverity[0];

        // Detect (impact → declared): INC-1 10, INC-2 30, INC-8 60 → mean 100/3 = 33m20s, median 30.
        Assert.Equal(new Figure(3, Min(33) + Duration.FromSeconds(20), Min(30)), sev1.Detect);

        // Acknowledge (declared → first acknowledgement): INC-1 5, INC-2 15, INC-8 10 → mean 30/3 = 10, median 10.
        Assert.Equal(new Figure(3, Min(10), Min(10)), sev1.Acknowledge);

        // Identify (declared → identified): 5, 45, 40 → mean 90/3 = 30, median 40.
        Assert.Equal(new Figure(3, Min(30), Min(40)), sev1.Identify);

        // Resolve (declared → resolved): 60, 120, 120 → mean 300/3 = 100, median 120.
        Assert.Equal(new Figure(3, Min(100), Min(120)), sev1.Resolve);
    }

    [Fact]
    public void A_severity_leaves_out_incidents_that_have_not_reached_a_point()
    {
        var metrics = Compute();
        var sev2 = metrics.BySeverity[1];

        // Detect: INC-3 0 (no impact start given), INC-5 10 → mean 5, median (0 + 10) / 2 = 5.
        Assert.Equal(new Figure(2, Min(5), Min(5)), sev2.Detect);

        // Acknowledge: only INC-3, 2 (nobody acknowledged INC-5; the lead's update is no acknowledgement).
        Assert.Equal(new Figure(1, Min(2), Min(2)), sev2.Acknowledge);

        // Identify: neither was ever identified.
        Assert.Equal(new Figure(0, null, null), sev2.Identify);

        // Resolve: only INC-3, 90 (INC-5 is open).
        Assert.Equal(new Figure(1, Min(90), Min(90)), sev2.Resolve);

        // SEV-4 had no incident.
        Assert.Equal(new Figure(0, null, null), metrics.BySeverity[3].Resolve);
    }

    [Fact]
    public void All_severities_together()
    {
        var total = Compute().Total;

        // Detect: 10, 30, 60, 0, 10, 60 → sum 170, mean 170/6 = 28m20s; sorted 0 10 10 30 60 60 → median (10 + 30) / 2 = 20.
        Assert.Equal(new Figure(6, Min(28) + Duration.FromSeconds(20), Min(20)), total.Detect);

        // Acknowledge: 5, 15, 10, 2, 20 → sum 52, mean 52/5 = 10m24s; sorted 2 5 10 15 20 → median 10.
        Assert.Equal(new Figure(5, Min(10) + Duration.FromSeconds(24), Min(10)), total.Acknowledge);

        // Identify: 5, 45, 40, 30 → sum 120, mean 30; sorted 5 30 40 45 → median (30 + 40) / 2 = 35.
        Assert.Equal(new Figure(4, Min(30), Min(35)), total.Identify);

        // Resolve: 60, 120, 120, 90, 60 → sum 450, mean 90; sorted 60 60 90 120 120 → median 90.
        Assert.Equal(new Figure(5, Min(90), Min(90)), total.Resolve);
    }

    [Fact]
    public void Completion_rates_count_required_post_mortems_and_action_items()
    {
        var metrics = Compute();

        // Required (SEV-1/SEV-2) and resolved or closed: INC-1, 2, 3, 8 (INC-5 is open). Done = closed with the draft
        // shared: INC-1 and INC-8 (INC-2 is not closed, INC-3's draft was never shared) → 2 of 4.
        Assert.Equal(new Rate(2, 4), metrics.Postmortems);
        Assert.Equal(50, metrics.Postmortems.Percent);

        // Action items: INC-1 1 of 2, INC-2 0 of 1, INC-3 2 of 2, INC-8 1 of 1 → 4 of 6 (the drill's one is left out).
        Assert.Equal(new Rate(4, 6), metrics.ActionItems);
        Assert.Equal("67%", MetricsModel.Percent(metrics.ActionItems));
    }

    [Fact]
    public void An_empty_period_has_no_figures_and_no_rates()
    {
        var metrics = IncidentMetrics.Compute(MetricsPeriod.Month(new YearMonth(2026, 9)), ScriptedMonth.Incidents(), ScriptedMonth.Scheme, ScriptedMonth.Shared);

        Assert.Equal(0, metrics.Total.Count);
        Assert.Null(metrics.Total.Resolve.Mean);
        Assert.Null(metrics.Postmortems.Percent);
        Assert.Equal("–", MetricsModel.Percent(metrics.ActionItems));
    }

    [Theory]
    [InlineData("", "2026-10-31T12:00:00Z", "2026-11-30T12:00:00.001Z")]
    [InlineData("7d", "2026-11-23T12:00:00Z", "2026-11-30T12:00:00.001Z")]
    [InlineData("2026-10", "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z")]
    public void Periods_are_days_up_to_now_or_a_utc_month(string text, string start, string end)
    {
        var period = MetricsPeriod.Parse(text, Instant.FromUtc(2026, 11, 30, 12, 0))!;

        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(start).Value, period.Start);
        Assert.Equal(NodaTime.Text.InstantPattern.ExtendedIso.Parse(end).Value, period.End);
    }

    [Theory]
    [InlineData("last month")]
    [InlineData("0d")]
    [InlineData("2026-13")]
    public void Other_periods_are_refused(string text) => Assert.Null(MetricsPeriod.Parse(text, Instant.FromUtc(2026, 11, 30, 12, 0)));
}
