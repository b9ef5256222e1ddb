using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>Refuses to start without the two secrets, or with a token of the wrong kind, naming the setting at fault.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is missing: set it to the bot token (xoxb-…), e.g. environment variable Slack__BotToken.");
        }

        if (string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret is missing: set it to the app's signing secret, e.g. environment variable Slack__SigningSecret.");
        }

        if (options.AppToken.Length > 0 && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token (xapp-…) with the connections:write scope, or empty to receive over HTTP only.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri)
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add("Slack:MaxRetries must be zero or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
