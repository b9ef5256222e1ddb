using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Announcements;

/// <summary>Every key of <c>Incidents:StakeholderChannels</c> names a configured severity and every value is a channel id (C…, G…), so a typo stops the start instead of telling nobody.</summary>
public sealed partial class StakeholderChannelsValidator(SeverityScheme scheme) : IValidateOptions<StakeholderChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, StakeholderChannelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (severity, channels) in options.BySeverity)
        {
            if (scheme.Find(severity) is null)
            {
                failures.Add($"{StakeholderChannelsOptions.Section}:{severity} is not a severity; use one of {scheme.Names}.");
            }

            if (channels.Where(c => !Id().IsMatch(c)).ToList() is [_, ..] wrong)
            {
                failures.Add($"{StakeholderChannelsOptions.Section}:{severity} takes channel ids (C…, G…), not {string.Join(", ", wrong.Select(w => $"'{w}'"))}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
