using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Paging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Escalation;

public sealed class EscalationOptionsValidatorTests
{
    private static readonly EscalationOptionsValidator Validator = new(
        Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }),
        Options.Create(new PagingOptions { Services = new(StringComparer.OrdinalIgnoreCase) { ["payments"] = new() { Provider = PagerProvider.PagerDuty, RoutingKey = "R0123" } } }),
        Options.Create(new OnCallOptions { OpsgenieApiKey = "genie-key" }));

    [Fact]
    public void The_default_matrix_is_valid()
    {
        var result = Validator.Validate(null, new EscalationOptions { Escalation = EscalationMatrix.Defaults(SeverityScheme.Defaults) });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("SEV-9", "00:00:00", "@oncall", null, "Incidents:Escalation:SEV-9 is not one of the severities (SEV-1, SEV-2, SEV-3, SEV-4).")]
    [InlineData("sev1", "-00:05:00", "@oncall", null, "Incidents:Escalation:sev1:0:After must not be negative.")]
    [InlineData("SEV-1", "00:00:00", "vp of engineering", null, "Incidents:Escalation:SEV-1:0:Notify has 'vp of engineering'; use channel ids (C…), user ids (U…), user-group ids (S…), handles (@oncall) or on-call schedules (pagerduty:<id>, opsgenie:<id>).")]
    [InlineData("SEV-1", "00:00:00", "pagerduty:PABC123", null, "Incidents:Escalation:SEV-1:0:Notify has 'pagerduty:PABC123' needs Incidents:OnCall:PagerDutyApiKey.")]
    [InlineData("SEV-1", "00:00:00", "@here", null, "Incidents:Escalation:SEV-1:0:Notify has '@here', which would notify everyone in the channel; name a user group (S… or @handle) instead.")]
    [InlineData("SEV-2", "00:15:00", "U0VPENG", "billing", "Incidents:Escalation:SEV-2:0:Page names 'billing', which is not under Incidents:Paging:Services.")]
    public void A_mistake_is_one_line_naming_the_setting(string severity, string after, string notify, string? page, string expected)
    {
        var options = new EscalationOptions();
        options.Escalation[severity] = [new() { After = TimeSpan.Parse(after, System.Globalization.CultureInfo.InvariantCulture), Notify = [notify], Page = page }];

        var result = Validator.Validate(null, options);

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("<@U0123ABC|ann>", "U0123ABC")]
    [InlineData("<#C0123ABC|ops>", "C0123ABC")]
    [InlineData("<!subteam^S0123ABC|@sre>", "S0123ABC")]
    [InlineData("@OnCall", "@oncall")]
    [InlineData("W0123ABC", "W0123ABC")]
    [InlineData("PagerDuty:PABC123", "pagerduty:PABC123")]
    [InlineData("opsgenie:4b2a9f1e-7c3d-4e5f-8a9b-0c1d2e3f4a5b", "opsgenie:4b2a9f1e-7c3d-4e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("pagerduty:", null)]
    [InlineData("<!channel>", null)]
    [InlineData("everyone", null)]
    [InlineData("@channel", null)]
    [InlineData("<!here|here>", null)]
    public void Targets_are_read_from_what_Slack_sends_and_what_operators_write(string word, string? expected)
    {
        Assert.Equal(expected, EscalationTargets.Parse(word));
    }
}
