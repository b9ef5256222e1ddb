using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Incident admins (users and user groups) may always act; the open model lets anyone, as before.</summary>
public sealed class AdminTests
{
    [Fact]
    public async Task Admins_named_by_id_or_by_user_group_may_always_act()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.AddUserGroup("S0INCADMIN", "U0GROUPADM");
        await using var bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:Admins:0"] = "U0ADMIN",
            ["Incidents:Admins:1"] = "S0INCADMIN",
        });
        await bot.ReplyAsync("create DB failover");
        await bot.OutboxDrainedAsync();
        await Eventually.TrueAsync(() => bot.Services.GetRequiredService<IncidentAdmins>().IsAdmin(new ResponderId("U0GROUPADM")), "the admin group's members to be read");

        var command = await bot.ReplyAsync("commander INC-1 me", user: "U0ADMIN");
        var severity = await bot.ReplyAsync("severity INC-1 sev2", user: "U0GROUPADM");
        var stranger = await bot.ReplyAsync("severity INC-1 sev1", user: "U0STRANGER");

        Assert.Equal("<@U0ADMIN> is now Incident commander of INC-1.", command);
        Assert.Equal("INC-1 is now SEV-2.", severity);
        Assert.StartsWith("Only INC-1's role holders can change the severity of it", stranger, StringComparison.Ordinal);
        Assert.Contains(slack.Calls("usergroups.users.list"), c => (string?)c.Args["usergroup"] == "S0INCADMIN");
    }

    [Fact]
    public async Task The_open_model_lets_anyone_take_command_and_steer()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = BotHost.Start(slack, settings: new Dictionary<string, string?> { ["Incidents:OpenCommands"] = "true" });
        await bot.ReplyAsync("create DB failover");
        await bot.OutboxDrainedAsync();

        var command = await bot.ReplyAsync("commander INC-1 me", user: "U0ANYONE");
        var resolved = await bot.ReplyAsync("resolve INC-1", user: "U0SOMEONE");

        Assert.Equal("<@U0ANYONE> is now Incident commander of INC-1.", command);
        Assert.Equal("INC-1 is resolved.", resolved);
    }

    [Fact]
    public void An_admin_that_is_no_id_stops_the_start_with_a_line_naming_it()
    {
        var result = new AdminsValidator().Validate(null, new IncidentsOptions { Admins = ["U0ADMIN", "S0LEADS", "@oncall-leads"] });

        Assert.Equal("Incidents:Admins takes user ids (U…, W…) and user-group ids (S…), not '@oncall-leads'.", result.FailureMessage);
    }
}
