using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>Checks <c>Alerts</c> at start-up against the configured severities, one line per mistake.</summary>
public sealed class AlertsOptionsValidator(SeverityScheme scheme) : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DefaultSeverity.Length > 0 && scheme.Find(options.DefaultSeverity) is null)
        {
            failures.Add($"Alerts:DefaultSeverity '{options.DefaultSeverity}' is not one of the severities ({scheme.Names}).");
        }

        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var where = $"Alerts:Routes:{i}";
            if (route.Source.Length > 0 && !Enum.TryParse<AlertSource>(route.Source, ignoreCase: true, out _))
            {
                failures.Add($"{where}:Source '{route.Source}' is not pagerduty, opsgenie or alertmanager.");
            }

            var named = route.Severity.Length > 0;
            if (named == route.Level.HasValue)
            {
                failures.Add($"{where} needs Severity (one of {scheme.Names}) or Level (1..{scheme.Levels.Count}), not both.");
            }
            else if (named && scheme.Find(route.Severity) is null)
            {
                failures.Add($"{where}:Severity '{route.Severity}' is not one of the severities ({scheme.Names}).");
            }
            else if (route.Level is { } level && (level < 1 || level > scheme.Levels.Count))
            {
                failures.Add($"{where}:Level {level} is not between 1 and {scheme.Levels.Count}, the number of severities.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
