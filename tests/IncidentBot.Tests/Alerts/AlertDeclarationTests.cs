using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Alerts;
using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Alerts;

/// <summary>Alerts from PagerDuty, Opsgenie and Alertmanager declare, join and resolve incidents through the real host.</summary>
public sealed class AlertDeclarationTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        bot = BotHost.Start(slack, settings: AlertHost.Settings());
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_PagerDuty_trigger_declares_at_the_routed_severity_and_its_repeat_declares_nothing()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json");

        using var first = await AlertHost.PagerDutyAsync(bot, body);
        using var repeat = await AlertHost.PagerDutyAsync(bot, body);
        using var resolved = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-resolved.json"));
        await bot.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("declared", (string?)(await AlertHost.JsonAsync(first))["outcome"]);
        Assert.Equal("linked", (string?)(await AlertHost.JsonAsync(repeat))["outcome"]);
        Assert.Equal("resolved", (string?)(await AlertHost.JsonAsync(resolved))["outcome"]);
        var incident = Assert.Single(bot.Store.ListOpen());
        Assert.Equal("SEV-2", incident.Severity);
        Assert.Equal("Checkout API error rate above 5%", incident.Title);
        Assert.False(incident.IsPrivate);
        Assert.Null(incident.Holder(IncidentRole.Commander));
        Assert.Equal(AlertIntake.Bot, incident.Reporter);
        var room = incident.WarRoom.ChannelId!;
        Assert.Contains(slack.Messages(bot.AnnouncementChannel), m => m.Text.Contains("INC-1", StringComparison.Ordinal));
        Assert.Contains(slack.Messages(room), m => m.Text.Contains("PagerDuty PGR0VU2* fired again", StringComparison.Ordinal));
        Assert.DoesNotContain(slack.Calls("conversations.invite"), c => c.Args.ToJsonString().Contains(AlertIntake.Bot.Value, StringComparison.Ordinal));
        var alerts = bot.Store.Timeline(incident.Id).Where(e => e.Kind == TimelineKind.Alert).Select(e => e.Text).ToList();
        Assert.Equal(
            [
                "PagerDuty PGR0VU2 opened the incident: Checkout API error rate above 5%",
                "PagerDuty PGR0VU2 fired again: Checkout API error rate above 5%",
                "PagerDuty PGR0VU2 resolved: Checkout API error rate above 5%",
            ],
            alerts);

        // The alert's resolve is news for the war room, not a decision: people resolve the incident.
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Contains(slack.Messages(room), m => m.Text.StartsWith("🟢 *PagerDuty PGR0VU2* resolved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PagerDuty_webhook_with_a_bad_or_missing_signature_is_refused_and_changes_nothing()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json");
        var signed = PagerDutyWebhook.Sign(AlertHost.PagerDutySecret, Encoding.UTF8.GetBytes(body));

        using var unsigned = await AlertHost.PagerDutyAsync(bot, body, "");
        using var wrongSecret = await AlertHost.PagerDutyAsync(bot, body, PagerDutyWebhook.Sign("another-secret", Encoding.UTF8.GetBytes(body)));
        using var tampered = await AlertHost.PagerDutyAsync(bot, body.Replace("checkout-api", "other-api", StringComparison.Ordinal), signed);
        using var garbage = await AlertHost.PagerDutyAsync(bot, body, "v1=zz");

        Assert.All([unsigned, wrongSecret, tampered, garbage], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(bot.Store.ListOpen());
        Assert.Empty(bot.Store.PendingOutbox());
        Assert.Empty(bot.Store.AuditLog(null));

        // During a secret rotation PagerDuty sends one signature per secret; one of them verifying is enough.
        using var rotated = await AlertHost.PagerDutyAsync(bot, body, PagerDutyWebhook.Sign("old-secret", Encoding.UTF8.GetBytes(body)) + ", " + signed);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Single(bot.Store.ListOpen());
    }

    [Fact]
    public async Task Two_deliveries_of_one_alert_at_the_same_moment_declare_once()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AlertHost.PagerDutyAsync(bot, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bot.Store.ListOpen());
        Assert.Single(bot.Store.AuditLog(null), a => a.Outcome.StartsWith("declared", StringComparison.Ordinal));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_Alertmanager_group_of_three_firing_alerts_opens_one_incident_and_its_resolve_shows_on_the_timeline()
    {
        var firing = AlertHost.Fixture("alertmanager-firing.json");
        var resolved = AlertHost.Fixture("alertmanager-firing.json", json =>
        {
            json["status"] = "resolved";
            foreach (var alert in json["alerts"]!.AsArray())
            {
                alert!["status"] = "resolved";
                alert["endsAt"] = "2026-11-24T14:30:00Z";
            }
        });

        using var declared = await AlertHost.AlertmanagerAsync(bot, firing);
        using var ended = await AlertHost.AlertmanagerAsync(bot, resolved);
        await bot.OutboxDrainedAsync();

        Assert.Equal("declared", (string?)(await AlertHost.JsonAsync(declared))["outcome"]);
        Assert.Equal("resolved", (string?)(await AlertHost.JsonAsync(ended))["outcome"]);
        var incident = Assert.Single(bot.Store.ListOpen());

        // The route on severity=critical asks for level 1: the most severe level, whatever it is called.
        Assert.Equal("SEV-1", incident.Severity);
        Assert.Equal("Checkout 5xx above 5%", incident.Title);
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 24, 13, 55), incident.ImpactStartedAt);
        var timeline = bot.Store.Timeline(incident.Id);
        Assert.Contains(timeline, e => e.Kind == TimelineKind.Alert && e.Text == "Alertmanager group opened the incident (3 alerts): Checkout 5xx above 5%");
        Assert.Contains(timeline, e => e.Kind == TimelineKind.Alert && e.Text.StartsWith("Alertmanager group resolved", StringComparison.Ordinal));
        var room = incident.WarRoom.ChannelId!;
        Assert.Contains(slack.Messages(room), m => m.Text.StartsWith("🟢 *Alertmanager group* resolved (3 alerts): Checkout 5xx above 5%", StringComparison.Ordinal));
        var shown = await bot.ReplyAsync("timeline", channel: room);
        Assert.Contains("Alertmanager group resolved", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_whose_title_is_a_lone_surrogate_is_400_not_500()
    {
        static string Unreadable(string fixture, Action<JsonObject, string> edit) =>
            AlertHost.Fixture(fixture, json => edit(json, "LONE_SURROGATE")).Replace("\"LONE_SURROGATE\"", "\"\\ud800\"", StringComparison.Ordinal);

        var pagerDutyBody = Unreadable("pagerduty-incident-triggered.json", (j, s) => j["event"]!["data"]!["title"] = s);
        using var pagerDuty = await AlertHost.PagerDutyAsync(bot, pagerDutyBody);
        using var alertmanager = await AlertHost.AlertmanagerAsync(bot, Unreadable("alertmanager-firing.json", (j, s) => j["commonLabels"]!["severity"] = s));
        using var opsgenie = await AlertHost.OpsgenieAsync(bot, Unreadable("opsgenie-create.json", (j, s) => j["alert"]!["message"] = s), new AuthenticationHeaderValue("Bearer", AlertHost.OpsgenieToken));

        Assert.Equal(HttpStatusCode.BadRequest, pagerDuty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, alertmanager.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, opsgenie.StatusCode);
        Assert.Empty(bot.Store.ListOpen());
    }

    [Fact]
    public async Task Bodies_that_are_not_the_sources_webhooks_are_400_and_oversized_ones_413_never_500()
    {
        string[] bodies = ["not json", "[]", "{}", """{"event": {"event_type": "incident.triggered", "data": {}}}""", """{"event": "x"}"""];
        foreach (var body in bodies)
        {
            using var pagerDuty = await AlertHost.PagerDutyAsync(bot, body);
            using var alertmanager = await AlertHost.AlertmanagerAsync(bot, body);
            using var opsgenie = await AlertHost.OpsgenieAsync(bot, body, new AuthenticationHeaderValue("Bearer", AlertHost.OpsgenieToken));
            Assert.Equal(HttpStatusCode.BadRequest, pagerDuty.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, alertmanager.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, opsgenie.StatusCode);
        }

        using var version3 = await AlertHost.AlertmanagerAsync(bot, AlertHost.Fixture("alertmanager-firing.json", j => j["version"] = "3"));
        using var huge = await AlertHost.AlertmanagerAsync(bot, new string(' ', AlertEndpoints.MaxBodyBytes + 1));
        using var noToken = await AlertHost.AlertmanagerAsync(bot, AlertHost.Fixture("alertmanager-firing.json"), token: null);

        Assert.Equal(HttpStatusCode.BadRequest, version3.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Empty(bot.Store.ListOpen());
    }

    [Fact]
    public async Task Opsgenie_authenticates_with_its_token_as_bearer_or_basic_auth_and_its_acknowledgement_acknowledges_the_incident()
    {
        var create = AlertHost.Fixture("opsgenie-create.json");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("opsgenie:" + AlertHost.OpsgenieToken));
        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("opsgenie:guess"));
        var acknowledge = AlertHost.Fixture("opsgenie-create.json", j =>
        {
            j["action"] = "Acknowledge";
            j["alert"]!["username"] = "ann.lee@example.com";
        });

        using var refused = await AlertHost.OpsgenieAsync(bot, create, new AuthenticationHeaderValue("Basic", wrong));
        using var declared = await AlertHost.OpsgenieAsync(bot, create, new AuthenticationHeaderValue("Basic", basic));
        using var unsignedAck = await AlertHost.OpsgenieAsync(bot, acknowledge, new AuthenticationHeaderValue("Bearer", "guess"));
        Assert.Null(Assert.Single(bot.Store.ListOpen()).AcknowledgedAt);
        using var acknowledged = await AlertHost.OpsgenieAsync(bot, acknowledge, new AuthenticationHeaderValue("Bearer", AlertHost.OpsgenieToken));
        await bot.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedAck.StatusCode);
        Assert.Equal("declared", (string?)(await AlertHost.JsonAsync(declared))["outcome"]);
        Assert.Equal("acknowledged", (string?)(await AlertHost.JsonAsync(acknowledged))["outcome"]);
        var incident = Assert.Single(bot.Store.ListOpen());
        Assert.Equal("SEV-3", incident.Severity);
        Assert.Equal("Opsgenie", incident.AcknowledgedVia);
        // Kept as text that mentions nobody: the @ cannot reach anyone in Slack.
        Assert.StartsWith("ann.lee@", incident.AcknowledgedName, StringComparison.Ordinal);
        Assert.Single(bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.Alert);
        Assert.Single(bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.Acknowledged);
    }

    [Fact]
    public async Task A_PagerDuty_acknowledgement_acknowledges_the_incident_its_alert_opened_once()
    {
        var acknowledge = AlertHost.Fixture("pagerduty-incident-triggered.json", j =>
        {
            j["event"]!["event_type"] = "incident.acknowledged";
            j["event"]!["agent"]!["summary"] = "Ann Lee";
        });

        using var declared = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-triggered.json"));
        using var first = await AlertHost.PagerDutyAsync(bot, acknowledge);
        using var again = await AlertHost.PagerDutyAsync(bot, acknowledge);
        await bot.OutboxDrainedAsync();

        Assert.Equal("declared", (string?)(await AlertHost.JsonAsync(declared))["outcome"]);
        Assert.Equal("acknowledged", (string?)(await AlertHost.JsonAsync(first))["outcome"]);
        Assert.Equal("already acknowledged", (string?)(await AlertHost.JsonAsync(again))["outcome"]);
        var incident = Assert.Single(bot.Store.ListOpen());
        Assert.Equal(("PagerDuty", "Ann Lee"), (incident.AcknowledgedVia, incident.AcknowledgedName));
        Assert.Single(bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.Acknowledged);
        Assert.Single(slack.Messages(incident.WarRoom.ChannelId!), m => m.Text.Contains("Acknowledged", StringComparison.Ordinal));
        var line = Assert.Single(slack.Messages(bot.AnnouncementChannel), m => m.ThreadTs is not null && m.Text.Contains("Acknowledged", StringComparison.Ordinal));
        Assert.StartsWith("✅ *Acknowledged* in PagerDuty by Ann Lee after ", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PagerDuty_acknowledgement_of_the_bots_own_page_acknowledges_the_paged_incident()
    {
        Assert.StartsWith("Declaring *INC-1*", await bot.ReplyAsync("create Checkout returns 500s sev2"), StringComparison.Ordinal);
        var acknowledge = AlertHost.Fixture("pagerduty-incident-triggered.json", j =>
        {
            j["event"]!["event_type"] = "incident.acknowledged";
            j["event"]!["data"]!["id"] = "PPAGED1";
            j["event"]!["data"]!["incident_key"] = "INC-1";
        });

        using var acknowledged = await AlertHost.PagerDutyAsync(bot, acknowledge);
        using var unknown = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-triggered.json", j =>
        {
            j["event"]!["event_type"] = "incident.acknowledged";
            j["event"]!["data"]!["incident_key"] = "INC-99";
        }));
        await bot.OutboxDrainedAsync();

        Assert.Equal("acknowledged", (string?)(await AlertHost.JsonAsync(acknowledged))["outcome"]);
        Assert.Equal("ignored", (string?)(await AlertHost.JsonAsync(unknown))["outcome"]);
        var incident = Assert.Single(bot.Store.ListOpen());
        Assert.Equal(new IncidentId(1), incident.Id);
        Assert.Equal("PagerDuty", incident.AcknowledgedVia);
    }

    [Fact]
    public async Task An_endpoint_without_its_secret_configured_is_not_there()
    {
        await using var bare = BotHost.Start(slack, settings: new Dictionary<string, string?> { ["Alerts:PagerDutySecret"] = "" });

        using var response = await AlertHost.PagerDutyAsync(bare, AlertHost.Fixture("pagerduty-incident-triggered.json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
