using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Slack.Outbound;

/// <summary><c>/health</c>'s <c>slack</c>: <c>ok</c>, or <c>paused</c> and degraded with <c>slack_problem</c> saying what Slack refused.</summary>
public sealed class SlackTokenHealthCheck(SlackTokenState token) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(token.Problem is { } problem
            ? HealthCheckResult.Degraded(data: new Dictionary<string, object> { ["slack"] = "paused", ["slack_problem"] = problem })
            : HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["slack"] = "ok" }));
}
