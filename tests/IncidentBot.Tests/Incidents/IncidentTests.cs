using IncidentBot.Incidents;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Incidents;

public sealed class IncidentTests
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 0));
    private readonly ResponderId ic = new("UIC");

    [Fact]
    public void Declaring_makes_the_reporter_commander_and_plans_the_first_update()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);

        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Equal(ic, incident.Holder(IncidentRole.Commander));
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(15), incident.NextUpdateDue);
        Assert.Equal(TimelineKind.Declared, Assert.Single(incident.Recorded).Kind);
    }

    [Fact]
    public void Raising_severity_replans_the_update_from_the_last_update_and_records_who()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        clock.AdvanceMinutes(5);

        var decision = incident.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("ULEAD"), clock.GetCurrentInstant());

        Assert.True(decision.Applied);
        Assert.Equal("SEV-1", incident.Severity);
        Assert.Equal(incident.DeclaredAt + Duration.FromMinutes(15), incident.NextUpdateDue);
        Assert.Equal(new ResponderId("ULEAD"), incident.Recorded[^1].Actor);
        Assert.Contains("SEV-3 → SEV-1", incident.Recorded[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Raising_severity_long_after_the_last_update_makes_the_update_due_now()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        clock.AdvanceMinutes(90);

        incident.ChangeSeverity(IncidentFactory.Sev1, ic, clock.GetCurrentInstant());

        Assert.Equal(clock.GetCurrentInstant(), incident.NextUpdateDue);
    }

    [Fact]
    public void Setting_the_same_severity_is_refused_and_changes_nothing()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        var decision = incident.ChangeSeverity(IncidentFactory.Sev3, ic, clock.GetCurrentInstant());
        Assert.False(decision.Applied);
        Assert.Contains("already SEV-3", decision.Refusal, StringComparison.Ordinal);
        Assert.Single(incident.Recorded);
    }

    [Fact]
    public void An_update_resets_the_cadence()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        clock.AdvanceMinutes(14);

        incident.PostUpdate("Rolled back", IncidentFactory.Sev1, ic, clock.GetCurrentInstant());

        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(15), incident.NextUpdateDue);
        Assert.Equal(TimelineKind.Update, incident.Recorded[^1].Kind);
    }

    [Fact]
    public void An_empty_update_is_refused_with_the_usage()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        var decision = incident.PostUpdate("  ", IncidentFactory.Sev3, ic, clock.GetCurrentInstant());
        Assert.False(decision.Applied);
        Assert.Contains("/incident update", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Assigning_a_role_replaces_the_holder_and_adds_a_responder()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        var lead = new ResponderId("ULEAD");

        Assert.True(incident.AssignRole(IncidentRole.Commander, lead, ic, clock.GetCurrentInstant()).Applied);

        Assert.Equal(lead, incident.Holder(IncidentRole.Commander));
        Assert.Contains(lead, incident.Responders);
        Assert.False(incident.HoldsARole(ic));
        Assert.False(incident.AssignRole(IncidentRole.Commander, lead, ic, clock.GetCurrentInstant()).Applied);
    }

    [Fact]
    public void Resolving_keeps_the_resolution_stops_the_cadence_and_reopening_restarts_it()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        clock.AdvanceMinutes(42);

        Assert.True(incident.Resolve("Rolled back deploy 1234", ic, clock.GetCurrentInstant()).Applied);
        Assert.Equal("Rolled back deploy 1234", incident.Resolution);
        Assert.Equal(clock.GetCurrentInstant(), incident.ResolvedAt);
        Assert.Null(incident.NextUpdateDue);

        clock.AdvanceMinutes(3);
        Assert.True(incident.ChangeStatus(IncidentStatus.Investigating, ic, clock.GetCurrentInstant()).Applied);
        Assert.Null(incident.ResolvedAt);
        Assert.NotNull(incident.NextUpdateDue);
    }

    [Fact]
    public void Nothing_changes_after_close()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        incident.Resolve(null, ic, clock.GetCurrentInstant());
        Assert.True(incident.Close(ic, clock.GetCurrentInstant()).Applied);

        Assert.False(incident.ChangeSeverity(IncidentFactory.Sev1, ic, clock.GetCurrentInstant()).Applied);
        Assert.False(incident.AssignRole(IncidentRole.Scribe, new ResponderId("US"), ic, clock.GetCurrentInstant()).Applied);
        Assert.False(incident.PostUpdate("late", IncidentFactory.Sev3, ic, clock.GetCurrentInstant()).Applied);
        Assert.Equal(IncidentStatus.Closed, incident.Status);
    }

    [Fact]
    public void A_reminder_is_due_once_per_interval_however_long_nobody_updated()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        clock.AdvanceMinutes(14);
        Assert.False(incident.Remind(IncidentFactory.Sev1, clock.GetCurrentInstant()).Applied);

        clock.AdvanceHours(5);
        Assert.True(incident.Remind(IncidentFactory.Sev1, clock.GetCurrentInstant()).Applied);
        Assert.False(incident.Remind(IncidentFactory.Sev1, clock.GetCurrentInstant()).Applied);
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(15), incident.NextUpdateDue);
    }

    [Fact]
    public void Snoozing_moves_the_due_time_and_stopping_ends_reminders()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        clock.AdvanceMinutes(20);

        Assert.True(incident.Snooze(Duration.FromMinutes(60), new ResponderId("ULEAD"), clock.GetCurrentInstant()).Applied);
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(60), incident.NextUpdateDue);

        Assert.True(incident.StopReminders(ic, clock.GetCurrentInstant()).Applied);
        clock.AdvanceHours(3);
        Assert.False(incident.Remind(IncidentFactory.Sev1, clock.GetCurrentInstant()).Applied);
        Assert.Equal(2, incident.Recorded.Count(e => e.Kind == TimelineKind.Reminder));
    }

    [Fact]
    public void No_reminder_once_resolved()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant(), IncidentFactory.Sev1);
        incident.Resolve("fixed", ic, clock.GetCurrentInstant());
        clock.AdvanceHours(1);
        Assert.False(incident.Remind(IncidentFactory.Sev1, clock.GetCurrentInstant()).Applied);
    }

    [Fact]
    public void A_role_change_records_who_as_facts_and_a_refusal_names_them_in_the_readers_syntax()
    {
        var incident = IncidentFactory.Declare(clock.GetCurrentInstant());
        var lead = new ResponderId("ULEAD");

        var given = incident.AssignRole(IncidentRole.TechLead, lead, ic, clock.GetCurrentInstant());
        var handed = incident.AssignRole(IncidentRole.TechLead, new ResponderId("UNEXT"), ic, clock.GetCurrentInstant());
        var cleared = incident.ClearRole(IncidentRole.TechLead, ic, clock.GetCurrentInstant());
        incident.AssignRole(IncidentRole.TechLead, lead, ic, clock.GetCurrentInstant());
        var again = incident.AssignRole(IncidentRole.TechLead, lead, ic, clock.GetCurrentInstant());

        static string Plain(string text) => text;
        static string Handle(TimelineParty party) => "@" + party.Id;
        Assert.Equal("Tech lead: @ULEAD", given.Entries.Single().Describe(Plain, Handle));
        Assert.Equal("Tech lead: @ULEAD → @UNEXT", handed.Entries.Single().Describe(Plain, Handle));
        Assert.Equal("Tech lead: @UNEXT → nobody", cleared.Entries.Single().Describe(Plain, Handle));
        Assert.All(incident.Recorded, e => Assert.DoesNotContain("<@", e.Text, StringComparison.Ordinal));
        Assert.Equal("@ULEAD already holds that role", again.RefusalNaming(who => "@" + who.Value));
        Assert.DoesNotContain("<@", again.Refusal, StringComparison.Ordinal);
    }
}
