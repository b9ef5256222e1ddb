using System.Globalization;
using IncidentBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Outbox;

/// <summary>
/// <c>/health</c>'s <c>outbox_pending</c> and <c>outbox_parked</c>: what waits to be delivered, and what was set aside
/// after <see cref="OutboxOptions.MaxAttempts"/> failures (listed at <c>GET /admin/outbox</c>). Parked messages make it
/// degraded: something the bot promised did not happen and needs an operator. A store that does not answer within
/// <see cref="StoreHealthCheck.Patience"/> gives <c>unknown</c> (the <c>store</c> check says why).
/// </summary>
public sealed class OutboxHealthCheck(IIncidentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        (int Pending, int Parked) counts;
        try
        {
            counts = await Task.Run(store.OutboxCounts, cancellationToken).WaitAsync(StoreHealthCheck.Patience, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded(data: new Dictionary<string, object> { ["outbox_pending"] = "unknown", ["outbox_parked"] = "unknown" });
        }

        var data = new Dictionary<string, object>
        {
            ["outbox_pending"] = counts.Pending.ToString(CultureInfo.InvariantCulture),
            ["outbox_parked"] = counts.Parked.ToString(CultureInfo.InvariantCulture),
        };
        return counts.Parked > 0 ? HealthCheckResult.Degraded(data: data) : HealthCheckResult.Healthy(data: data);
    }
}
