using IncidentBot.Incidents;
using IncidentBot.Outbox;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

/// <summary>Checks <c>Incidents:Responders</c> and <c>Incidents:OnCall</c> at start-up, one line per mistake.</summary>
public sealed class RespondersOptionsValidator(IOptions<IncidentsOptions> incidents, IOptions<OnCallOptions> onCall) : IValidateOptions<RespondersOptions>
{
    public ValidateOptionsResult Validate(string? name, RespondersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scheme = new SeverityScheme(incidents.Value.Severities, incidents.Value.Severities.Count > 0 ? incidents.Value.Severities[0].Name : "");
        var failures = new List<string>();
        foreach (var (severity, targets) in options.Responders)
        {
            if (scheme.Find(severity) is null)
            {
                failures.Add($"{RespondersOptions.Section}:{severity} is not one of the severities ({scheme.Names}).");
                continue;
            }

            foreach (var target in targets)
            {
                var parsed = EscalationTargets.Parse(target);
                if (parsed is null || EscalationTargets.IsChannel(parsed))
                {
                    failures.Add($"{RespondersOptions.Section}:{severity} has '{target}'; use user ids (U…), user groups (S… or @handle) or on-call schedules (pagerduty:<id>, opsgenie:<id>).");
                }
                else if (onCall.Value.Problem(parsed) is { } problem)
                {
                    failures.Add($"{RespondersOptions.Section}:{severity} has {problem}.");
                }
            }
        }

        var o = onCall.Value;
        if (!OutboundAddress.IsHttp(o.PagerDutyApiUrl) || !OutboundAddress.IsHttp(o.OpsgenieApiUrl))
        {
            failures.Add($"{OnCallOptions.Section}:PagerDutyApiUrl and OpsgenieApiUrl must be absolute http(s) addresses.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
