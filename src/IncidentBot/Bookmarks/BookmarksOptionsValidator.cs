using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Bookmarks;

/// <summary>Checks <c>Incidents:Runbooks</c>, <c>Incidents:CallUrl</c> and <c>Incidents:PostmortemUrl</c> at start-up, one line per mistake.</summary>
public sealed class BookmarksOptionsValidator(IOptions<IncidentsOptions> incidents) : IValidateOptions<RunbooksOptions>
{
    public ValidateOptionsResult Validate(string? name, RunbooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (setting, pattern) in new[] { ("CallUrl", incidents.Value.CallUrl), ("PostmortemUrl", incidents.Value.PostmortemUrl) })
        {
            if (!string.IsNullOrWhiteSpace(pattern) && !IncidentLinks.IsValidPattern(pattern))
            {
                failures.Add($"Incidents:{setting} '{pattern}' is not an absolute http(s) address (placeholders: {{id}}, {{channel}}).");
            }
        }

        foreach (var (key, books) in options.Runbooks)
        {
            for (var i = 0; i < books.Count; i++)
            {
                var where = $"{RunbooksOptions.Section}:{key}:{i}";
                if (string.IsNullOrWhiteSpace(books[i].Title))
                {
                    failures.Add($"{where}:Title is required.");
                }

                if (!IncidentLinks.IsValidPattern(books[i].Url))
                {
                    failures.Add($"{where}:Url '{books[i].Url}' is not an absolute http(s) address (placeholders: {{id}}, {{channel}}).");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
