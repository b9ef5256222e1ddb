namespace IncidentBot.Tests.Fakes;

/// <summary>
/// One queued fault: an HTTP status (with Retry-After), a Slack error in an HTTP 200 answer, a delay, or an answer in
/// another shape (<see cref="Reshape"/>, the work done as usual). Exactly one of <see cref="StatusCode"/>,
/// <see cref="SlackError"/>, <see cref="Delay"/> and <see cref="Reshape"/> is set. A delayed call still does its work:
/// before the delay when <see cref="ApplyBeforeDelay"/>, else after it and only if the caller is still listening.
/// </summary>
public sealed record FakeSlackFault(
    int? StatusCode = null,
    TimeSpan? RetryAfter = null,
    string? SlackError = null,
    TimeSpan? Delay = null,
    bool ApplyBeforeDelay = false,
    Action<System.Text.Json.Nodes.JsonObject>? Reshape = null);
