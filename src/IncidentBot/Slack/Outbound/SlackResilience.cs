using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// The retry policy for Web API calls: 429 waits exactly as long as Slack's Retry-After says, 5xx and timeouts back off
/// with jitter, and a Slack error in a 200 answer (name_taken, channel_not_found, …) is never retried.
/// </summary>
public static class SlackResilience
{
    /// <summary>
    /// Set false for calls that must not be sent twice (chat.postMessage, conversations.create): after a timeout or a
    /// dropped connection Slack may already have done the work, so the caller, which can check, decides instead.
    /// A 429 or 5xx answer means Slack did nothing, so those are retried for every call.
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> SafeToRepeat = new("IncidentBot.Slack.SafeToRepeat");

    private static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(100);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && IsTransient(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => context.Properties.GetValue(SafeToRepeat, true),
        { Result: { } r } => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        // Retry-After is whole seconds; arriving exactly on the boundary risks a second 429, so wait a little longer.
        var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        return retryAfter + RetryAfterMargin;
    }
}
