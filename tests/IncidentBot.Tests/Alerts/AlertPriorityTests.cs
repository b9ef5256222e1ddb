using System.Net;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Alerts;

/// <summary>A team whose levels are P0..P3 routes alerts by level on nothing but configuration.</summary>
public sealed class AlertPriorityTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:AlertmanagerToken"] = AlertHost.AlertmanagerToken,
            ["Alerts:PagerDutySecret"] = AlertHost.PagerDutySecret,
            ["Alerts:Routes:0:Labels:severity"] = "critical",
            ["Alerts:Routes:0:Level"] = "1",
            ["Alerts:Routes:1:Source"] = "pagerduty",
            ["Alerts:Routes:1:Priority"] = "P1",
            ["Alerts:Routes:1:Severity"] = "P1",
        };
        string[] levels = ["P0", "P1", "P2", "P3"];
        for (var i = 0; i < levels.Length; i++)
        {
            settings[$"Incidents:Severities:{i}:Name"] = levels[i];
            settings[$"Incidents:Severities:{i}:Description"] = "Level " + levels[i];
            settings[$"Incidents:Severities:{i}:UpdateInterval"] = "00:30:00";
        }

        bot = BotHost.Start(slack, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Under_P0_to_P3_a_critical_Alertmanager_group_is_P0_and_a_PagerDuty_P1_is_P1()
    {
        using var group = await AlertHost.AlertmanagerAsync(bot, AlertHost.Fixture("alertmanager-firing.json"));
        using var page = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-triggered.json"));

        Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["P1", "P0"], bot.Store.ListOpen().Select(i => i.Severity));
    }
}
