using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Incidents;

/// <summary>Who may do what, as a table: the commander UIC, the tech lead ULEAD, a war-room member UMEMBER, an outsider UOUT, an admin UADMIN.</summary>
public sealed class IncidentAuthorityTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 3, 0);

    [Theory]
    [InlineData("UIC", IncidentAccess.Steer, true)]
    [InlineData("ULEAD", IncidentAccess.Steer, true)]
    [InlineData("UMEMBER", IncidentAccess.Steer, false)]
    [InlineData("UOUT", IncidentAccess.Steer, false)]
    [InlineData("UADMIN", IncidentAccess.Steer, true)]
    [InlineData("UIC", IncidentAccess.Command, true)]
    [InlineData("ULEAD", IncidentAccess.Command, false)]
    [InlineData("UADMIN", IncidentAccess.Command, true)]
    [InlineData("UMEMBER", IncidentAccess.Contribute, true)]
    [InlineData("UOUT", IncidentAccess.Contribute, false)]
    [InlineData("ULEAD", IncidentAccess.Contribute, true)]
    [InlineData("UIC", IncidentAccess.Communicate, true)]
    [InlineData("ULEAD", IncidentAccess.Communicate, false)]
    [InlineData("UADMIN", IncidentAccess.Communicate, true)]
    public void Each_access_is_for_the_people_the_handbooks_give_it(string who, IncidentAccess access, bool allowed)
    {
        var refusal = IncidentAuthority.Refusal(Incident(), Actor(who), access, openCommands: false, "do that to", Name);

        Assert.Equal(allowed, refusal is null);
    }

    [Theory]
    [InlineData("UIC", IncidentRole.Commander, "UMEMBER", true)]
    [InlineData("ULEAD", IncidentRole.Commander, "ULEAD", false)]
    [InlineData("UMEMBER", IncidentRole.Commander, "UMEMBER", false)]
    [InlineData("ULEAD", IncidentRole.Scribe, "UMEMBER", true)]
    [InlineData("UMEMBER", IncidentRole.Scribe, "UMEMBER", false)]
    [InlineData("UADMIN", IncidentRole.Commander, "UADMIN", true)]
    public void Command_is_handed_over_by_the_commander_and_other_roles_by_role_holders(string who, IncidentRole role, string holder, bool allowed)
    {
        var refusal = IncidentAuthority.RoleRefusal(Incident(), Actor(who), role, new ResponderId(holder), openCommands: false, Name);

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void Without_a_commander_anyone_in_the_war_room_may_take_command_but_not_give_it_away()
    {
        var incident = Incident();
        Assert.True(incident.ClearRole(IncidentRole.Commander, new ResponderId("UIC"), Now).Applied);

        Assert.Null(IncidentAuthority.RoleRefusal(incident, Actor("UMEMBER"), IncidentRole.Commander, new ResponderId("UMEMBER"), false, Name));
        Assert.NotNull(IncidentAuthority.RoleRefusal(incident, Actor("UMEMBER"), IncidentRole.Commander, new ResponderId("UOUT"), false, Name));
        Assert.NotNull(IncidentAuthority.RoleRefusal(incident, Actor("UOUT"), IncidentRole.Commander, new ResponderId("UOUT"), false, Name));
        Assert.Null(IncidentAuthority.Refusal(incident, Actor("ULEAD"), IncidentAccess.Command, false, "stop the reminders of", Name));
    }

    [Fact]
    public void The_open_model_lets_anyone_steer_and_take_roles_but_commanders_keep_their_own_decisions()
    {
        var incident = Incident();

        Assert.Null(IncidentAuthority.Refusal(incident, Actor("UOUT"), IncidentAccess.Steer, openCommands: true, "resolve", Name));
        Assert.Null(IncidentAuthority.RoleRefusal(incident, Actor("UOUT"), IncidentRole.Commander, new ResponderId("UOUT"), openCommands: true, Name));
        Assert.NotNull(IncidentAuthority.Refusal(incident, Actor("UOUT"), IncidentAccess.Command, openCommands: true, "cancel", Name));
    }

    private static string Name(ResponderId who) => "@" + who.Value;

    private static Actor Actor(string who) => new(new ResponderId(who), InWarRoom: who == "UMEMBER", IsAdmin: who == "UADMIN");

    private static Incident Incident()
    {
        var incident = IncidentFactory.Declare(Now);
        Assert.True(incident.AssignRole(IncidentRole.TechLead, new ResponderId("ULEAD"), new ResponderId("UIC"), Now).Applied);
        return incident;
    }
}
