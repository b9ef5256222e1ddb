using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// <c>/health</c>'s <c>socket</c>: healthy when Socket Mode is off or connected, degraded while it is configured but not
/// connected (connecting, reconnecting), never unhealthy, so a container is not restarted over a Slack outage.
/// </summary>
public sealed class SocketModeHealthCheck(SocketModeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = status.State;
        var data = new Dictionary<string, object> { ["socket"] = SocketModeStatus.HealthName(state) };
        return Task.FromResult(state is SocketState.Disabled or SocketState.Connected
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded(data: data));
    }
}
