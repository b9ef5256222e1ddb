using IncidentBot.Incidents;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Incidents;

public sealed class EscalationTests
{
    private static readonly ResponderId Matrix = new("USLACKBOT");

    private static readonly IReadOnlyList<EscalationStep> Sev1 =
    [
        Step(0, "@oncall", "U0LEAD"),
        Step(15, "U0VPENG"),
        Step(30, "U0CTO"),
        Step(60, "U0CEO"),
    ];

    private static readonly IReadOnlyList<EscalationStep> Sev3 = [Step(0, "@oncall"), Step(15, "U0LEAD")];

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 0));

    [Fact]
    public void An_unresolved_incident_fires_each_step_once_at_its_time()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        var fired = new List<(int Step, Duration At)>();

        for (var minute = 0; minute <= 120; minute++)
        {
            fired.AddRange(incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant()).Select(e => (e.Step!.Value, clock.GetCurrentInstant() - incident.DeclaredAt)));
            clock.AdvanceMinutes(1);
        }

        Assert.Equal([(1, Duration.Zero), (2, Duration.FromMinutes(15)), (3, Duration.FromMinutes(30)), (4, Duration.FromMinutes(60))], fired);
        Assert.Equal(4, incident.Recorded.Count(e => e.Kind == TimelineKind.Escalated));
        Assert.Null(incident.NextEscalationDue(Sev1));
    }

    [Fact]
    public void A_resolved_incident_fires_no_step()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        incident.Resolve("fixed", new ResponderId("UIC"), clock.GetCurrentInstant());
        clock.AdvanceHours(2);

        Assert.Empty(incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant()));
        Assert.Null(incident.NextEscalationDue(Sev1));
        Assert.DoesNotContain(incident.Recorded, e => e.Kind == TimelineKind.Escalated);
    }

    [Fact]
    public void Missed_steps_each_fire_once_when_looked_at_late()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant());
        clock.AdvanceMinutes(31);

        var late = incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant());
        var again = incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant());

        Assert.Equal([2, 3], late.Select(e => e.Step));
        Assert.Equal(["U0VPENG", "U0CTO"], late.SelectMany(e => e.Targets));
        Assert.Empty(again);
        Assert.Equal(incident.DeclaredAt + Duration.FromHours(1), incident.NextEscalationDue(Sev1));
    }

    [Fact]
    public void Lowering_to_SEV3_drops_the_remaining_SEV1_steps_and_calls_nobody_twice()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        clock.AdvanceMinutes(20);
        Assert.Equal(2, incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant()).Count);

        incident.ChangeSeverity(IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant());
        var replanned = incident.EscalateDue(Sev3, Matrix, clock.GetCurrentInstant());
        clock.AdvanceHours(2);
        var later = incident.EscalateDue(Sev3, Matrix, clock.GetCurrentInstant());

        Assert.Empty(replanned);
        Assert.Empty(later);
        Assert.DoesNotContain("U0CTO", incident.EscalatedTo);
        Assert.DoesNotContain("U0CEO", incident.EscalatedTo);
        Assert.Null(incident.NextEscalationDue(Sev3));
    }

    [Fact]
    public void Raising_to_SEV1_late_calls_in_at_once_whom_SEV1_wanted_by_now()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev3);
        incident.EscalateDue(Sev3, Matrix, clock.GetCurrentInstant());
        clock.AdvanceMinutes(20);
        incident.EscalateDue(Sev3, Matrix, clock.GetCurrentInstant());

        incident.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), clock.GetCurrentInstant());
        var raised = incident.EscalateDue(Sev1, Matrix, clock.GetCurrentInstant());

        // Step 1 (on-call, lead) called nobody new; step 2 calls the VP now; the CTO waits for minute 30.
        Assert.Equal([2], raised.Select(e => e.Step));
        Assert.Equal(["U0VPENG"], raised.Single().Targets);
        Assert.Equal(incident.DeclaredAt + Duration.FromMinutes(30), incident.NextEscalationDue(Sev1));
    }

    [Fact]
    public void A_step_with_a_page_triggers_the_service_once()
    {
        IReadOnlyList<EscalationStep> plan = [new(Duration.Zero, ["@oncall"], "payments"), new(Duration.FromMinutes(5), [], "payments")];
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        clock.AdvanceMinutes(10);

        var fired = incident.EscalateDue(plan, Matrix, clock.GetCurrentInstant());

        Assert.Equal("payments", Assert.Single(fired).Page);
        Assert.Equal(["payments"], incident.Paged);
    }

    [Fact]
    public void Escalating_by_hand_is_recorded_and_refused_once_resolved()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev3);
        var by = new ResponderId("UIC");

        var decision = incident.EscalateTo(["U0VPENG", "S0ONCALL"], by, clock.GetCurrentInstant());
        incident.Resolve(null, by, clock.GetCurrentInstant());
        var late = incident.EscalateTo(["U0CTO"], by, clock.GetCurrentInstant());

        Assert.True(decision.Applied);
        var entry = decision.Entries.Single();
        Assert.Equal("Escalated", entry.Text);
        Assert.Equal([new TimelineParty(TimelinePartyKind.Person, "U0VPENG"), new TimelineParty(TimelinePartyKind.Group, "S0ONCALL")], entry.To);
        Assert.False(late.Applied);
        Assert.False(incident.Page("payments", by, clock.GetCurrentInstant()).Applied);
    }

    private static EscalationStep Step(int minutes, params string[] notify) => new(Duration.FromMinutes(minutes), notify, null);
}
