using IncidentBot.Alerts;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Alerts;

public sealed class AlertRouterTests
{
    private static readonly SeverityScheme Priorities = new(
        [
            new SeverityOptions { Name = "P0", Description = "Critical", UpdateInterval = TimeSpan.FromMinutes(10) },
            new SeverityOptions { Name = "P1", Description = "High", UpdateInterval = TimeSpan.FromMinutes(30) },
            new SeverityOptions { Name = "P2", Description = "Medium", UpdateInterval = TimeSpan.FromHours(4) },
            new SeverityOptions { Name = "P3", Description = "Low", UpdateInterval = TimeSpan.FromDays(1) },
        ],
        "P2");

    [Theory]
    [InlineData("alertmanager", "checkout", "critical", "P0")]
    [InlineData("opsgenie", "payments-worker", "P1", "P1")]
    [InlineData("pagerduty", "checkout", "P5", "P2")]
    public void A_P0_to_P3_scheme_routes_by_level_name_and_default(string source, string service, string priority, string expected)
    {
        var options = new AlertsOptions
        {
            Routes =
            [
                new AlertRouteOptions { Labels = new() { ["severity"] = "critical" }, Level = 1 },
                new AlertRouteOptions { Source = "opsgenie", Priority = "p1", Severity = "P1" },
            ],
        };
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["severity"] = priority };
        var alert = new Alert(Enum.Parse<AlertSource>(source, ignoreCase: true), AlertAction.Trigger, "k", "t", service, priority, labels, null);

        var severity = new AlertRouter(Options.Create(options), Priorities).Route(alert);

        Assert.Equal(expected, severity.Name);
    }

    [Fact]
    public void Routes_that_name_no_configured_severity_fail_the_start_one_line_each()
    {
        var options = new AlertsOptions
        {
            DefaultSeverity = "SEV-9",
            Routes =
            [
                new AlertRouteOptions { Severity = "SEV-1" },
                new AlertRouteOptions { Level = 5 },
                new AlertRouteOptions { Source = "nagios", Level = 1 },
                new AlertRouteOptions(),
            ],
        };

        var result = new AlertsOptionsValidator(Priorities).Validate(null, options);

        Assert.Equal(
            [
                "Alerts:DefaultSeverity 'SEV-9' is not one of the severities (P0, P1, P2, P3).",
                "Alerts:Routes:0:Severity 'SEV-1' is not one of the severities (P0, P1, P2, P3).",
                "Alerts:Routes:1:Level 5 is not between 1 and 4, the number of severities.",
                "Alerts:Routes:2:Source 'nagios' is not pagerduty, opsgenie or alertmanager.",
                "Alerts:Routes:3 needs Severity (one of P0, P1, P2, P3) or Level (1..4), not both.",
            ],
            result.Failures);
    }
}
