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
public sealed class StoreHealthCheck(PostgresDatabase? database, IIncidentStore? store = null) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["store"] = database is null ? nameof(StorageProvider.LiteDB) : nameof(StorageProvider.PostgreSQL) };
        if (store is { AuditsShed: > 0 and var shed })
        {
            data["auditsShed"] = shed;
        }

        if (database is null)
        {
            return HealthCheckResult.Healthy(data: data);
        }

        var answers = await AnswersAsync(database, cancellationToken).ConfigureAwait(false);
        data["database"] = answers ? "ok" : "unreachable";
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
