using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// The retry policy for Web API calls: 429 (and <c>ratelimited</c> in a 200) waits exactly as long as Slack's Retry-After
/// says; 5xx, timeouts and Slack's own trouble answered in a 200 (<see cref="SlackErrors.Transient"/>) back off with
/// jitter; any other Slack error in a 200 answer (name_taken, channel_not_found, …) is never retried. Each retry is one
/// Warning line naming the method, the error and, inside the outbox, the incident and outbox kind; no stack trace.
/// </summary>
public static partial class SlackResilience
{
    /// <summary>
    /// Set false for calls that must not be sent twice (chat.postMessage, conversations.create): after a timeout or a
    /// dropped connection Slack may already have done the work, so the caller, which can check, decides instead.
    /// A 429 or 5xx answer means Slack did nothing, so those are retried for every call.
    /// </summary>
    public static readonly ResiliencePropertyKey<bool> SafeToRepeat = new("IncidentBot.Slack.SafeToRepeat");

    /// <summary>The Web API method being called, for the retry's log line.</summary>
    public static readonly ResiliencePropertyKey<string> Method = new("IncidentBot.Slack.Method");

    /// <summary>Set by each attempt: Slack's error in an HTTP 200 answer (<c>ok:false</c>), or null when it had none.</summary>
    public static readonly ResiliencePropertyKey<string?> AnsweredError = new("IncidentBot.Slack.AnsweredError");

    private static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>Errors after which Slack may have done part of the work: repeated only for calls that are <see cref="SafeToRepeat"/>.</summary>
    private static readonly HashSet<string> MayHaveActed = new(StringComparer.Ordinal) { "internal_error", "fatal_error" };

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, SlackOptions options, ILogger logger)
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
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, args.Context)),
                OnRetry = args =>
                {
                    var origin = SlackCallOrigin.Current;
                    LogRetry(
                        logger,
                        args.Context.Properties.GetValue(Method, "unknown"),
                        Error(args.Outcome, args.Context),
                        origin?.Incident ?? "-",
                        origin?.Kind ?? "-",
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => context.Properties.GetValue(SafeToRepeat, true),
        { Result: { } r } when r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500 => true,
        { Result: not null } => context.Properties.GetValue(AnsweredError, null) is { } error
            && SlackErrors.Transient.Contains(error)
            && (!MayHaveActed.Contains(error) || context.Properties.GetValue(SafeToRepeat, true)),
        _ => false,
    };

    private static string Error(Outcome<HttpResponseMessage> outcome, ResilienceContext context) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: { } ex } => ex.GetType().Name,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => "http_429",
        { Result: { } r } when (int)r.StatusCode >= 500 => $"http_{(int)r.StatusCode}",
        _ => context.Properties.GetValue(AnsweredError, null) ?? "unknown",
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, ResilienceContext context)
    {
        var rateLimited = response?.StatusCode == HttpStatusCode.TooManyRequests
            || (response is not null && context.Properties.GetValue(AnsweredError, null) == "ratelimited");
        if (!rateLimited)
        {
            return null;
        }

        // Retry-After is whole seconds; arriving exactly on the boundary risks a second 429, so wait a little longer.
        var retryAfter = response!.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        return retryAfter + RetryAfterMargin;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered {Error} for {Incident} ({Kind}); retry {Retry} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, string error, string incident, string kind, int retry, long delayMs);
}
