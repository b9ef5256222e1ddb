using System.Text;
using IncidentBot.Alerts;

namespace IncidentBot.Tests.Alerts;

/// <summary>Each source's documented payload shape read into an alert, and PagerDuty's signature header in its forms.</summary>
public sealed class AlertParsingTests
{
    [Fact]
    public void A_PagerDuty_v3_incident_event_is_keyed_by_its_incident_with_service_priority_and_urgency()
    {
        using var doc = Fixture.Json("alerts/pagerduty-incident-triggered.json");

        var alert = PagerDutyWebhook.Parse(doc.RootElement)!;

        Assert.Equal((AlertAction.Trigger, "pagerduty:PGR0VU2", "checkout-api", "P1"), (alert.Action, alert.DedupKey, alert.Service, alert.Priority));
        Assert.Equal("high", alert.Labels["urgency"]);
        Assert.Equal("https://acme.pagerduty.com/incidents/PGR0VU2", alert.Url);
    }

    [Fact]
    public void An_Opsgenie_alert_is_keyed_by_its_alias_and_its_tags_and_details_are_labels()
    {
        using var doc = Fixture.Json("alerts/opsgenie-create.json");

        var alert = OpsgenieWebhook.Parse(doc.RootElement)!;

        Assert.Equal((AlertAction.Trigger, "opsgenie:payments-queue-depth", "payments-worker", "P1"), (alert.Action, alert.DedupKey, alert.Service, alert.Priority));
        Assert.Equal("payments", alert.Labels["team"]);
        Assert.Equal("true", alert.Labels["queue"]);
        Assert.Equal("eu-west-1", alert.Labels["region"]);
    }

    [Fact]
    public void An_Alertmanager_group_is_one_alert_keyed_by_its_groupKey_counting_its_firing_alerts()
    {
        using var doc = Fixture.Json("alerts/alertmanager-firing.json");

        var alert = AlertmanagerWebhook.Parse(doc.RootElement)!;

        Assert.Equal("alertmanager:{}/{severity=\"critical\"}:{alertname=\"HighErrorRate\"}", alert.DedupKey);
        Assert.Equal((3, "checkout", "critical", "Checkout 5xx above 5%"), (alert.Count, alert.Service, alert.Priority, alert.Title));
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 24, 13, 55), alert.StartedAt);
    }

    [Theory]
    [InlineData("{0}", true)]
    [InlineData("v1=00, {0}", true)]
    [InlineData("{0},v1=ff", true)]
    [InlineData("V1={1}", true)]
    [InlineData("{1}", false)]
    [InlineData("", false)]
    [InlineData("v1=,v1=,v1=,v1=,v1=,v1=,v1=,v1=,{0}", false)]
    public void The_PagerDuty_signature_header_may_carry_several_signatures_one_of_which_must_verify(string header, bool valid)
    {
        var body = Encoding.UTF8.GetBytes("""{"event":{"event_type":"pagey.ping"}}""");
        var signature = PagerDutyWebhook.Sign("secret", body);

        var offered = string.Format(System.Globalization.CultureInfo.InvariantCulture, header, signature, signature["v1=".Length..].ToUpperInvariant());

        Assert.Equal(valid, PagerDutyWebhook.Verify("secret", body, offered));
    }
}
