using IncidentBot.Escalation;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Escalation;

public sealed class RespondersOptionsValidatorTests
{
    [Theory]
    [InlineData("SEV-9", "S0ONCALL", "Incidents:Responders:SEV-9 is not one of the severities (SEV-1, SEV-2, SEV-3, SEV-4).")]
    [InlineData("SEV-1", "C0LEADERS", "Incidents:Responders:SEV-1 has 'C0LEADERS'; use user ids (U…), user groups (S… or @handle) or on-call schedules (pagerduty:<id>, opsgenie:<id>).")]
    [InlineData("sev1", "pagerduty:PABC123", "Incidents:Responders:sev1 has 'pagerduty:PABC123' needs Incidents:OnCall:PagerDutyApiKey.")]
    public void A_mistake_is_one_line_naming_the_setting(string severity, string target, string expected)
    {
        var validator = new RespondersOptionsValidator(Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }), Options.Create(new OnCallOptions()));
        var options = new RespondersOptions();
        options.Responders[severity] = [target];

        var result = validator.Validate(null, options);

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Groups_handles_users_and_configured_schedules_are_valid()
    {
        var validator = new RespondersOptionsValidator(Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }), Options.Create(new OnCallOptions { PagerDutyApiKey = "k", OpsgenieApiKey = "g" }));
        var options = new RespondersOptions();
        options.Responders["SEV-1"] = ["S0ONCALL", "@oncall", "U0ANN", "pagerduty:PABC123", "opsgenie:ops-primary"];

        Assert.True(validator.Validate(null, options).Succeeded);
    }
}
