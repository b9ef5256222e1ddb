using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Scheduling;

/// <summary>
/// <c>/health</c>'s <c>scheduler</c>: <c>leader</c> on the replica that sends reminders and escalation steps, <c>standby</c>
/// on the others (ready to take over). Healthy either way: a standby is doing its job.
/// </summary>
public sealed class SchedulerHealthCheck(SchedulerLeadership leadership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["scheduler"] = leadership.Leads ? "leader" : "standby" }));
}
