namespace IncidentBot.Tests.Fakes;

/// <summary>
/// One queued fault: an HTTP status (with Retry-After), a Slack error in an HTTP 200 answer, or a delay. Exactly one of
/// <see cref="StatusCode"/>, <see cref="SlackError"/> and <see cref="Delay"/> is set. A delayed call still does its work:
/// before the delay when <see cref="ApplyBeforeDelay"/>, else after it and only if the caller is still listening.
/// </summary>
public sealed record FakeSlackFault(
    int? StatusCode = null,
    TimeSpan? RetryAfter = null,
    string? SlackError = null,
    TimeSpan? Delay = null,
    bool ApplyBeforeDelay = false);
