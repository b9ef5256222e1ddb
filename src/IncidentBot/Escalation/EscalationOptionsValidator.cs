using IncidentBot.Incidents;
using IncidentBot.Paging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

/// <summary>Checks <c>Incidents:Escalation</c> at start-up against the severities, pager services and on-call settings, one line per mistake.</summary>
public sealed class EscalationOptionsValidator(IOptions<IncidentsOptions> incidents, IOptions<PagingOptions> paging, IOptions<OnCallOptions> onCall) : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scheme = new SeverityScheme(incidents.Value.Severities, incidents.Value.Severities.Count > 0 ? incidents.Value.Severities[0].Name : "");
        var failures = new List<string>();
        foreach (var (severity, steps) in options.Escalation)
        {
            if (scheme.Find(severity) is null)
            {
                failures.Add($"Incidents:Escalation:{severity} is not one of the severities ({scheme.Names}).");
                continue;
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var where = $"Incidents:Escalation:{severity}:{i}";
                if (step.After < TimeSpan.Zero)
                {
                    failures.Add($"{where}:After must not be negative.");
                }

                if (step.Notify.Count == 0 && string.IsNullOrWhiteSpace(step.Page))
                {
                    failures.Add($"{where} needs Notify or Page.");
                }

                foreach (var target in step.Notify.Where(EscalationTargets.IsBroadcast))
                {
                    failures.Add($"{where}:Notify has '{target}', which would notify everyone in the channel; name a user group (S… or @handle) instead.");
                }

                foreach (var target in step.Notify.Where(t => EscalationTargets.Parse(t) is null && !EscalationTargets.IsBroadcast(t)))
                {
                    failures.Add($"{where}:Notify has '{target}'; use channel ids (C…), user ids (U…), user-group ids (S…), handles (@oncall) or on-call schedules (pagerduty:<id>, opsgenie:<id>).");
                }

                foreach (var problem in step.Notify.Select(EscalationTargets.Parse).OfType<string>().Select(onCall.Value.Problem).OfType<string>())
                {
                    failures.Add($"{where}:Notify has {problem}.");
                }

                if (!string.IsNullOrWhiteSpace(step.Page) && !paging.Value.Services.ContainsKey(step.Page.Trim()))
                {
                    failures.Add($"{where}:Page names '{step.Page}', which is not under Incidents:Paging:Services.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
