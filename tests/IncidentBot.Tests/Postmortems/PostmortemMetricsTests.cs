using IncidentBot.Incidents;
using IncidentBot.Postmortems;
using IncidentBot.Tests.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Postmortems;

public sealed class PostmortemMetricsTests
{
    private static readonly Instant Declared = Instant.FromUtc(2026, 11, 24, 3, 12);
    private static readonly ResponderId Ic = new("UIC");

    [Fact]
    public void Detection_counts_from_the_earliest_message_written_before_the_declaration()
    {
        var incident = IncidentFactory.Declare(Declared);
        ScribeNote[] notes = [Note(Declared + Duration.FromMinutes(3)), Note(Declared - Duration.FromMinutes(9)), Note(Declared - Duration.FromMinutes(2))];

        var metrics = PostmortemMetrics.Measure(incident, incident.Recorded, notes);

        Assert.Equal(Declared - Duration.FromMinutes(9), metrics.FirstSignal);
        Assert.Equal(Duration.FromMinutes(9), metrics.TimeToDeclare);
    }

    [Fact]
    public void Without_an_earlier_message_detection_is_the_declaration()
    {
        var metrics = PostmortemMetrics.Measure(IncidentFactory.Declare(Declared), [], [Note(Declared + Duration.FromMinutes(1))]);

        Assert.Equal(Declared, metrics.FirstSignal);
        Assert.Equal(Duration.Zero, metrics.TimeToDeclare);
    }

    [Fact]
    public void Identified_is_the_first_move_to_identified_and_resolve_counts_from_the_declaration()
    {
        var incident = IncidentFactory.Declare(Declared);
        incident.ChangeStatus(IncidentStatus.Monitoring, Ic, Declared + Duration.FromMinutes(5));
        incident.ChangeStatus(IncidentStatus.Identified, Ic, Declared + Duration.FromMinutes(20));
        incident.ChangeStatus(IncidentStatus.Investigating, Ic, Declared + Duration.FromMinutes(30));
        incident.ChangeStatus(IncidentStatus.Identified, Ic, Declared + Duration.FromMinutes(40));
        incident.Resolve(null, Ic, Declared + Duration.FromMinutes(61));

        var metrics = PostmortemMetrics.Measure(incident, incident.Recorded, []);

        Assert.Equal(Duration.FromMinutes(20), metrics.TimeToIdentified);
        Assert.Equal(Duration.FromMinutes(61), metrics.TimeToResolve);
    }

    [Fact]
    public void An_open_incident_never_identified_has_neither_time()
    {
        var metrics = PostmortemMetrics.Measure(IncidentFactory.Declare(Declared), [], []);

        Assert.Null(metrics.IdentifiedAt);
        Assert.Null(metrics.TimeToIdentified);
        Assert.Null(metrics.TimeToResolve);
    }

    private static ScribeNote Note(Instant written) => new() { IncidentId = new IncidentId(7), Text = "x", WrittenAt = written, AddedBy = new ResponderId("USCRIBE") };
}
