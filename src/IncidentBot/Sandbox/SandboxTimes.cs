using System.Globalization;
using IncidentBot.Acknowledgements;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Sandbox;

/// <summary>
/// The sandbox's times: update reminders, escalation steps and response targets come <see cref="SandboxOptions.TimeScale"/>
/// times sooner than configured (SEV-1: an update due after 1 minute), so a newcomer sees the whole bot in minutes;
/// <see cref="SandboxOptions.UpdateInterval"/>, when set, is every severity's cadence instead. Registered after the
/// sections' own defaults are filled in, so the defaults are scaled too.
/// </summary>
internal static class SandboxTimes
{
    public static void AddSandboxTimes(this IServiceCollection services)
    {
        services.AddOptions<IncidentsOptions>().PostConfigure<IOptions<SandboxOptions>>((o, sandbox) =>
        {
            var levels = o.Severities.Count > 0 ? o.Severities : SeverityScheme.Defaults;

            // Copies, so the shared default scheme is left as it is.
            o.Severities = [.. levels.Select(s => new SeverityOptions
            {
                Name = s.Name, Aliases = s.Aliases, Description = s.Description, PostmortemRequired = s.PostmortemRequired,
                UpdateInterval = sandbox.Value.UpdateInterval ?? (s.UpdateInterval is { } every ? Scale(every, sandbox.Value.TimeScale) : null),
            })];
        });
        services.AddOptions<EscalationOptions>().PostConfigure<IOptions<SandboxOptions>>((o, sandbox) =>
        {
            foreach (var key in o.Escalation.Keys.ToList())
            {
                o.Escalation[key] = [.. o.Escalation[key].Select(s => new EscalationStepOptions { After = Scale(s.After, sandbox.Value.TimeScale), Notify = s.Notify, Page = s.Page })];
            }
        });
        services.AddOptions<ResponseTargetsOptions>().PostConfigure<IOptions<SandboxOptions>>((o, sandbox) =>
        {
            foreach (var (severity, text) in o.Targets.ToList())
            {
                if (ResponseTargets.TryParse(text, out var target, out _) && target is { } after)
                {
                    o.Targets[severity] = Scale(after.ToTimeSpan(), sandbox.Value.TimeScale).ToString("c", CultureInfo.InvariantCulture);
                }
            }
        });
    }

    /// <summary>
    /// <paramref name="time"/> divided by <paramref name="scale"/>, rounded up to a whole minute (reminders count whole
    /// minutes); zero stays zero, and a scale of 1 leaves every time as configured.
    /// </summary>
    public static TimeSpan Scale(TimeSpan time, int scale)
    {
        if (scale <= 1 || time <= TimeSpan.Zero)
        {
            return time;
        }

        var minutes = Math.Ceiling(time.TotalMinutes / scale);
        return TimeSpan.FromMinutes(Math.Max(1, minutes));
    }
}
