using IncidentBot.Outbox;
using Microsoft.Extensions.Options;

namespace IncidentBot.Paging;

/// <summary>Checks <c>Incidents:Paging</c> at start-up: every service has its provider's key.</summary>
public sealed class PagingOptionsValidator : IValidateOptions<PagingOptions>
{
    public ValidateOptionsResult Validate(string? name, PagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (service, o) in options.Services)
        {
            if (!Enum.IsDefined(o.Provider))
            {
                failures.Add($"Incidents:Paging:Services:{service}:Provider must be PagerDuty or Opsgenie.");
            }
            else if (o.Provider == PagerProvider.PagerDuty && string.IsNullOrWhiteSpace(o.RoutingKey))
            {
                failures.Add($"Incidents:Paging:Services:{service}:RoutingKey is required for PagerDuty.");
            }
            else if (o.Provider == PagerProvider.Opsgenie && string.IsNullOrWhiteSpace(o.ApiKey))
            {
                failures.Add($"Incidents:Paging:Services:{service}:ApiKey is required for Opsgenie.");
            }
        }

        if (!OutboundAddress.IsHttp(options.PagerDutyUrl) || !OutboundAddress.IsHttp(options.OpsgenieUrl))
        {
            failures.Add("Incidents:Paging:PagerDutyUrl and OpsgenieUrl must be absolute http(s) addresses.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
