using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Incidents;

public sealed class ResponseTargetMissTests
{
    private static readonly Instant Declared = Instant.FromUtc(2026, 12, 1, 3, 0);
    private static readonly ResponderId Bot = new("USLACKBOT");

    private static readonly IReadOnlyList<EscalationStep> Plan =
    [
        new(Duration.Zero, ["UONCALL"], null),
        new(Duration.FromMinutes(15), ["UONCALL"], null),
        new(Duration.FromMinutes(30), ["UVPENG"], null),
        new(Duration.FromMinutes(60), ["UCTO"], null),
    ];

    [Fact]
    public void A_miss_fires_the_steps_due_then_the_next_with_someone_new_early_and_only_once()
    {
        var incident = IncidentFactory.Declare(Declared);
        var target = Declared + Duration.FromMinutes(5);

        Assert.Empty(incident.MissResponseTarget(Plan, target, Bot, Declared + Duration.FromMinutes(4)));
        var fired = incident.MissResponseTarget(Plan, target, Bot, target);
        var again = incident.MissResponseTarget(Plan, target, Bot, target + Duration.FromMinutes(1));

        // Step 1 was due; step 2 calls nobody new, so step 3 is the one called in early.
        Assert.Equal([1, 3], fired.Select(f => f.Step));
        Assert.Equal(["UVPENG"], fired[1].Targets);
        Assert.Empty(again);
        Assert.Equal(target + Duration.FromMinutes(55), incident.NextEscalationDue(Plan));
    }

    [Fact]
    public void A_target_that_passed_while_the_matrix_was_paused_does_not_fire_after_the_resume()
    {
        var incident = IncidentFactory.Declare(Declared);
        incident.ChangeStatus(IncidentStatus.Monitoring, Bot, Declared + Duration.FromMinutes(2));
        incident.ChangeStatus(IncidentStatus.Investigating, Bot, Declared + Duration.FromMinutes(20));

        Assert.Null(incident.ResponseTargetDue(Declared + Duration.FromMinutes(5)));
        Assert.Empty(incident.MissResponseTarget(Plan, Declared + Duration.FromMinutes(5), Bot, Declared + Duration.FromMinutes(21)));
    }
}
