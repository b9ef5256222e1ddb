using IncidentBot.Escalation;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>PagerDuty and Opsgenie, each a local fake, triggered by an escalation step and by hand, resolved with the incident.</summary>
public sealed class PagerTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private FakeHttpReceiver pagerDuty = null!;
    private FakeHttpReceiver opsgenie = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        pagerDuty = await FakeHttpReceiver.StartAsync();
        opsgenie = await FakeHttpReceiver.StartAsync();
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            ["Incidents:Paging:PagerDutyUrl"] = pagerDuty.BaseUrl.ToString(),
            ["Incidents:Paging:OpsgenieUrl"] = opsgenie.BaseUrl.ToString(),
            ["Incidents:Paging:Services:payments:Provider"] = "PagerDuty",
            ["Incidents:Paging:Services:payments:RoutingKey"] = "R0PAYMENTSKEY",
            ["Incidents:Paging:Services:platform:Provider"] = "Opsgenie",
            ["Incidents:Paging:Services:platform:ApiKey"] = "genie-key-123",
            ["Incidents:Escalation:SEV-1:0:After"] = "00:00:00",
            ["Incidents:Escalation:SEV-1:0:Notify:0"] = "@oncall",
            ["Incidents:Escalation:SEV-1:0:Page"] = "payments",
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await opsgenie.DisposeAsync();
        await pagerDuty.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Both_pagers_see_trigger_and_resolve_with_the_incident_id_as_key()
    {
        await bot.ReplyAsync("create Checkout down sev1");
        var room = await RoomAsync();
        await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync();
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 1, "the PagerDuty trigger");

        Assert.Equal("Paged platform for INC-1; it is resolved there when INC-1 is.", await bot.ReplyAsync("page Platform", channel: room));
        await Eventually.TrueAsync(() => opsgenie.Requests.Count == 1, "the Opsgenie alert");
        await bot.ReplyAsync("resolve rolled back", channel: room);
        await Eventually.TrueAsync(() => pagerDuty.Requests.Count == 2 && opsgenie.Requests.Count == 2, "both resolutions");
        await bot.OutboxDrainedAsync();

        var (trigger, resolve) = (pagerDuty.Requests[0], pagerDuty.Requests[1]);
        Assert.All(pagerDuty.Requests, r => Assert.Equal("/v2/enqueue", r.Path));
        Assert.Equal(["trigger", "resolve"], pagerDuty.Requests.Select(r => (string?)r.Json["event_action"]));
        Assert.Equal(["INC-1", "INC-1"], pagerDuty.Requests.Select(r => (string?)r.Json["dedup_key"]));
        Assert.All(pagerDuty.Requests, r => Assert.Equal("R0PAYMENTSKEY", (string?)r.Json["routing_key"]));
        Assert.Equal("critical", (string?)trigger.Json["payload"]!["severity"]);
        Assert.Equal("[INC-1] SEV-1: Checkout down", (string?)trigger.Json["payload"]!["summary"]);
        Assert.False(resolve.Json.ContainsKey("payload"));

        var (alert, close) = (opsgenie.Requests[0], opsgenie.Requests[1]);
        Assert.Equal("/v2/alerts", alert.Path);
        Assert.Equal("INC-1", (string?)alert.Json["alias"]);
        Assert.Equal("P1", (string?)alert.Json["priority"]);
        Assert.Equal("/v2/alerts/INC-1/close", close.Path);
        Assert.Equal("?identifierType=alias", close.Query);
        Assert.All(opsgenie.Requests, r => Assert.Equal("GenieKey genie-key-123", r.Header("Authorization")));

        var texts = slack.Messages(room).Select(m => m.Text).ToList();
        Assert.Contains(texts, t => t.Contains("Paged *payments*", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Paged *platform*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_an_unknown_service_names_the_ones_there_are()
    {
        await bot.ReplyAsync("create Checkout down sev3");
        var room = await RoomAsync();

        var reply = await bot.ReplyAsync("page billing", channel: room);

        Assert.Equal("`billing` is not a pager service. Use one of payments, platform.", reply);
        Assert.Empty(pagerDuty.Requests);
        Assert.Empty(opsgenie.Requests);
    }

    private async Task<string> RoomAsync()
    {
        await bot.OutboxDrainedAsync();
        return slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
