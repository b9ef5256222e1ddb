using IncidentBot.Storage.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Storage;

/// <summary>
/// <c>/health</c>'s <c>store</c> (<c>LiteDB</c> or <c>PostgreSQL</c>) and, on PostgreSQL, <c>database</c>: <c>ok</c> when
/// it answers a query within <see cref="Patience"/>, else <c>unreachable</c> and degraded (never unhealthy: a restart
/// would not bring the database back). On either, once any were shed, <c>auditsShed</c>: the audit entries of read-only
/// commands not written since start because their bound was full (LiteDB's writer queue, whose lengths are metrics, or
/// PostgreSQL's entries on their way).
/// </summary>
public sealed class StoreHealthCheck(PostgresDatabase? database, GroupCommitter? writer = null, IIncidentStore? store = null) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (database is null)
        {
            var lite = new Dictionary<string, object> { ["store"] = nameof(StorageProvider.LiteDB) };
            if (writer is { Shed: > 0 and var shed })
            {
                lite["auditsShed"] = shed;
            }

            return HealthCheckResult.Healthy(data: lite);
        }

        var answers = await AnswersAsync(database, cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["store"] = nameof(StorageProvider.PostgreSQL), ["database"] = answers ? "ok" : "unreachable" };
        if (store is PostgresIncidentStore { AuditsShed: > 0 and var dropped })
        {
            data["auditsShed"] = dropped;
        }

        return answers ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Degraded(data: data);
    }

    private static async Task<bool> AnswersAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await using var command = database.Source.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(patience.Token).ConfigureAwait(false) is 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
