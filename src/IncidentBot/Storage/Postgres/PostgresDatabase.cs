using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// The bot's PostgreSQL database: one pooled data source for every store, its schema brought up to date before anything
/// reads it. Replicas starting at once migrate one at a time, under a transaction-level advisory lock; the others find
/// the work done.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The advisory lock's key: any constant the bot alone uses in this database ("IncB" in ASCII).</summary>
    private const long MigrationLock = 0x496E6342;

    /// <summary>
    /// Write transactions at once: half the connection pool. A write waiting for an incident's lock holds a pooled
    /// connection, so unbounded, a burst of changes to a few incidents took the whole pool; the reads, which are
    /// synchronous, then blocked thread-pool threads waiting for a connection, until no thread was left to commit the
    /// lock holders' transactions and every request stalled (the load run at 500 severity changes/s). Beyond the bound a
    /// write waits here, asynchronously, holding no connection. Every store's writes share it.
    /// </summary>
    private readonly SemaphoreSlim writers;

    private PostgresDatabase(NpgsqlDataSource source)
    {
        Source = source;
        writers = new SemaphoreSlim(Math.Max(1, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize / 2));
    }

    public NpgsqlDataSource Source { get; }

    /// <summary>The schema version this build migrates to.</summary>
    public static int LatestVersion => PostgresSchema.Migrations.Count;

    /// <summary>Opens the database and applies the migrations it lacks, up to <paramref name="upTo"/> (all by default).</summary>
    public static PostgresDatabase Open(string connectionString, int? upTo = null)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            Migrate(source, upTo ?? LatestVersion);
            return new PostgresDatabase(source);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            source.Dispose();
            throw new StorageUnavailableException($"the PostgreSQL database of {StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)} cannot be used: {ex.Message}", ex);
        }
    }

    /// <summary>The version the database is at: the number of the last migration applied, 0 for an empty database.</summary>
    public int Version()
    {
        using var connection = Source.OpenConnection();
        return CurrentVersion(connection, null);
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own and commits it; a throw rolls everything back.</summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await writers.WaitAsync().ConfigureAwait(false);
        try
        {
            var connection = await Source.OpenConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection).ConfigureAwait(false);
                    await transaction.CommitAsync().ConfigureAwait(false);
                    return result;
                }
            }
        }
        finally
        {
            writers.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync().ConfigureAwait(false);
        writers.Dispose();
    }

    private static void Migrate(NpgsqlDataSource source, int upTo)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        for (var version = CurrentVersion(connection, transaction) + 1; version <= upTo; version++)
        {
            Execute(connection, transaction, PostgresSchema.Migrations[version - 1]);
            using var applied = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@version)", connection, transaction);
            applied.Parameters.AddWithValue("version", version);
            applied.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction);
        if (command.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection, transaction);
        return Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
