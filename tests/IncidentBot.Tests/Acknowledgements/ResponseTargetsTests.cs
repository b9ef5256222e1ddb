using IncidentBot.Acknowledgements;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Tests.Acknowledgements;

public sealed class ResponseTargetsTests
{
    private static readonly SeverityScheme Sev = new(SeverityScheme.Defaults, "SEV-3");
    private static readonly SeverityScheme Priorities = new(
        [new SeverityOptions { Name = "P0", UpdateInterval = TimeSpan.FromMinutes(15) }, new SeverityOptions { Name = "P1", UpdateInterval = TimeSpan.FromMinutes(30) }, new SeverityOptions { Name = "P2", UpdateInterval = TimeSpan.FromHours(1) }, new SeverityOptions { Name = "P3", UpdateInterval = TimeSpan.FromHours(4) }],
        "P2");

    private static ResponseTargets Targets(SeverityScheme scheme, string zone = "UTC") =>
        new(Options.Create(new ResponseTargetsOptions
        {
            Targets = scheme.Levels.Zip(ResponseTargets.DefaultsByRank).ToDictionary(p => p.First.Name, p => p.Second, StringComparer.OrdinalIgnoreCase),
            TimeZone = zone,
        }), scheme);

    private static Incident Declared(SeverityScheme scheme, int rank, Instant at) =>
        Incident.Declare(new IncidentId(1), "Checkout down", scheme.Levels[rank], "", false, new ResponderId("UIC"), "CGEN", "inc-x", at);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 30)]
    [InlineData(2, 120)]
    public void The_handbooks_targets_go_by_rank_in_either_scheme(int rank, int minutes)
    {
        var declared = Instant.FromUtc(2026, 12, 1, 3, 0);

        Assert.Equal(declared + Duration.FromMinutes(minutes), Targets(Sev).DueFor(Declared(Sev, rank, declared)));
        Assert.Equal(declared + Duration.FromMinutes(minutes), Targets(Priorities).DueFor(Declared(Priorities, rank, declared)));
    }

    [Theory]
    [InlineData(2026, 12, 1, 2026, 12, 2)] // Tuesday → Wednesday
    [InlineData(2026, 12, 4, 2026, 12, 7)] // Friday → Monday
    [InlineData(2026, 12, 5, 2026, 12, 7)] // Saturday → Monday
    public void The_least_severe_is_due_at_the_end_of_the_next_business_day(int y, int m, int d, int dy, int dm, int dd)
    {
        var due = Targets(Sev, "Europe/Berlin").DueFor(Declared(Sev, 3, Instant.FromUtc(y, m, d, 15, 0)));

        // 17:00 in Berlin is 16:00 UTC in winter.
        Assert.Equal(Instant.FromUtc(dy, dm, dd, 16, 0), due);
    }

    [Fact]
    public void An_acknowledged_incident_has_no_target_due_and_a_second_acknowledgement_changes_nothing()
    {
        var declared = Instant.FromUtc(2026, 12, 1, 3, 0);
        var incident = Declared(Sev, 0, declared);
        var first = incident.Acknowledge(Acknowledger.InSlack(new ResponderId("UONCALL")), declared + Duration.FromMinutes(3));
        var second = incident.Acknowledge(Acknowledger.InSlack(new ResponderId("ULEAD")), declared + Duration.FromMinutes(4));

        Assert.True(first.Applied);
        Assert.False(second.Applied);
        Assert.Equal(new ResponderId("UONCALL"), incident.AcknowledgedBy);
        Assert.Equal(declared + Duration.FromMinutes(3), incident.AcknowledgedAt);
        Assert.Null(incident.ResponseTargetDue(Targets(Sev).DueFor(incident)));
    }

    [Fact]
    public void Start_up_names_each_mistake()
    {
        var validator = new ResponseTargetsOptionsValidator(Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }));
        var result = validator.Validate(null, new ResponseTargetsOptions
        {
            Targets = new(StringComparer.OrdinalIgnoreCase) { ["SEV-9"] = "00:05:00", ["SEV-1"] = "soon", ["SEV-2"] = "Off" },
            TimeZone = "Mars/Olympus",
        });

        Assert.Equal(
            [
                "Incidents:ResponseTargets:Targets:SEV-9 is not one of the severities (SEV-1, SEV-2, SEV-3, SEV-4).",
                "Incidents:ResponseTargets:Targets:SEV-1 is 'soon'; use a time above zero (00:05:00), NextBusinessDay or Off.",
                "Incidents:ResponseTargets:TimeZone 'Mars/Olympus' is not an IANA time zone (e.g. Europe/Berlin).",
            ],
            result.Failures);
    }
}
