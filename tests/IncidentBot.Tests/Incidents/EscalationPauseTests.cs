using IncidentBot.Incidents;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Incidents;

/// <summary>The matrix pauses in monitoring and at resolve, and resumes from its first unfired step at that step's gap.</summary>
public sealed class EscalationPauseTests
{
    private static readonly ResponderId Matrix = new("USLACKBOT");
    private static readonly ResponderId Commander = new("UIC");

    private static readonly IReadOnlyList<EscalationStep> Sev1 =
    [
        new(Duration.Zero, ["U0LEAD"], null),
        new(Duration.FromMinutes(15), ["U0VPENG"], null),
        new(Duration.FromMinutes(30), ["U0CTO"], null),
        new(Duration.FromMinutes(60), ["U0CEO"], null),
    ];

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 0));

    [Theory]
    [InlineData(IncidentStatus.Monitoring)]
    [InlineData(IncidentStatus.Resolved)]
    public void Monitoring_and_resolved_pause_the_matrix(IncidentStatus pause)
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant());
        incident.ChangeStatus(pause, Commander, clock.GetCurrentInstant());
        clock.AdvanceHours(3);

        Assert.Null(incident.NextEscalationDue(Sev1));
        Assert.Empty(incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant()));
    }

    [Theory]
    [InlineData(IncidentStatus.Monitoring, IncidentStatus.Identified)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Investigating)]
    public void Going_back_resumes_at_the_first_unfired_step_its_gap_after_the_move(IncidentStatus pause, IncidentStatus back)
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant());
        clock.AdvanceMinutes(20);
        Assert.Equal(2, Assert.Single(incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant())).Step);
        incident.ChangeStatus(pause, Commander, clock.GetCurrentInstant());
        clock.AdvanceHours(2);

        incident.ChangeStatus(back, Commander, clock.GetCurrentInstant());
        var resumed = clock.GetCurrentInstant();

        // Step 3 is 15 min after step 2 in the matrix, step 4 another 30 min.
        Assert.Equal(resumed + Duration.FromMinutes(15), incident.NextEscalationDue(Sev1));
        Assert.Empty(incident.EscalateDue(Sev1, Matrix, resumed));
        clock.AdvanceMinutes(15);
        Assert.Equal(3, Assert.Single(incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant())).Step);
        Assert.Equal(resumed + Duration.FromMinutes(45), incident.NextEscalationDue(Sev1));
    }

    [Fact]
    public void A_matrix_paused_before_its_first_step_resumes_with_that_step_counted_from_the_move()
    {
        var late = new List<EscalationStep> { new(Duration.FromMinutes(5), ["U0LEAD"], null) };
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        incident.ChangeStatus(IncidentStatus.Monitoring, Commander, clock.GetCurrentInstant());
        clock.AdvanceMinutes(30);
        incident.ChangeStatus(IncidentStatus.Investigating, Commander, clock.GetCurrentInstant());

        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(5), incident.NextEscalationDue(late));
    }

    [Fact]
    public void Cancelled_and_failed_incidents_never_escalate_and_are_not_open()
    {
        var cancelled = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        var failed = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        Assert.True(cancelled.Cancel("mistake", Commander, clock.GetCurrentInstant()).Applied);
        Assert.True(failed.FailWarRoom("restricted_action", Matrix, clock.GetCurrentInstant()).Applied);
        clock.AdvanceHours(1);

        foreach (var incident in new[] { cancelled, failed })
        {
            Assert.False(incident.IsOpen);
            Assert.True(incident.IsVoid);
            Assert.Null(incident.NextUpdateDue);
            Assert.Null(incident.NextEscalationDue(Sev1));
            Assert.Empty(incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant()));
            Assert.False(incident.Page("payments", Commander, clock.GetCurrentInstant()).Applied);
        }
    }
}
