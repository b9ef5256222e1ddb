using IncidentBot.Paging;

namespace IncidentBot.Tests.Paging;

public sealed class PagingOptionsValidatorTests
{
    [Fact]
    public void A_service_without_its_providers_key_is_one_line_naming_the_setting()
    {
        var options = new PagingOptions();
        options.Services["payments"] = new() { Provider = PagerProvider.PagerDuty };
        options.Services["platform"] = new() { Provider = PagerProvider.Opsgenie, RoutingKey = "not-the-right-key" };

        var result = new PagingOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["Incidents:Paging:Services:payments:RoutingKey is required for PagerDuty.", "Incidents:Paging:Services:platform:ApiKey is required for Opsgenie."],
            result.Failures);
    }

    [Fact]
    public void Configured_services_are_valid()
    {
        var options = new PagingOptions();
        options.Services["payments"] = new() { Provider = PagerProvider.PagerDuty, RoutingKey = "R0123" };
        options.Services["platform"] = new() { Provider = PagerProvider.Opsgenie, ApiKey = "genie" };

        Assert.True(new PagingOptionsValidator().Validate(null, options).Succeeded);
    }
}
