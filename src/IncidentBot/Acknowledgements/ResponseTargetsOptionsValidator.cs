using IncidentBot.Incidents;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Acknowledgements;

/// <summary>Checks <c>Incidents:ResponseTargets</c> at start-up against the severities, one line per mistake.</summary>
public sealed class ResponseTargetsOptionsValidator(IOptions<IncidentsOptions> incidents) : IValidateOptions<ResponseTargetsOptions>
{
    public ValidateOptionsResult Validate(string? name, ResponseTargetsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var severities = incidents.Value.Severities;
        var scheme = new SeverityScheme(severities, severities.Count > 0 ? severities[0].Name : "");
        var failures = new List<string>();
        foreach (var (severity, target) in options.Targets)
        {
            if (scheme.Find(severity) is null)
            {
                failures.Add($"{ResponseTargetsOptions.Section}:Targets:{severity} is not one of the severities ({scheme.Names}).");
            }

            if (!ResponseTargets.TryParse(target ?? "", out _, out _))
            {
                failures.Add($"{ResponseTargetsOptions.Section}:Targets:{severity} is '{target}'; use a time above zero (00:05:00), {ResponseTargetsOptions.NextBusinessDay} or {ResponseTargetsOptions.Off}.");
            }
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
        {
            failures.Add($"{ResponseTargetsOptions.Section}:TimeZone '{options.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin).");
        }

        if (options.BusinessDayEnds <= TimeSpan.Zero || options.BusinessDayEnds > TimeSpan.FromHours(24))
        {
            failures.Add($"{ResponseTargetsOptions.Section}:BusinessDayEnds must be a time of day, e.g. 17:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
