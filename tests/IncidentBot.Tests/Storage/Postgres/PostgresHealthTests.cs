using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary><c>/health</c> on PostgreSQL: the store, and whether the database answers (degraded when not).</summary>
public sealed class PostgresHealthTests
{
    [Fact]
    public async Task A_database_that_answers_is_healthy_and_named()
    {
        await using var database = PostgresDatabase.Open(PostgresServer.NewDatabase());

        var result = await new StoreHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("PostgreSQL", result.Data["store"]);
        Assert.Equal("ok", result.Data["database"]);
    }

    [Fact]
    public async Task A_database_that_stops_answering_makes_health_degraded()
    {
        var server = PostgresServer.NewDatabase();
        var role = $"r_{Guid.NewGuid():N}";
        var schema = new NpgsqlConnectionStringBuilder(server).SearchPath;
        await ExecuteAsync(server, $"CREATE ROLE {role} LOGIN; GRANT ALL ON SCHEMA {schema} TO {role}");
        var asRole = new NpgsqlConnectionStringBuilder(server) { Username = role, Timeout = 3 }.ConnectionString;
        await using var database = PostgresDatabase.Open(asRole);
        try
        {
            // The server stops letting the bot in and drops its connections, as one that went away would.
            await ExecuteAsync(server, $"ALTER ROLE {role} NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");

            var result = await new StoreHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Degraded, result.Status);
            Assert.Equal("PostgreSQL", result.Data["store"]);
            Assert.Equal("unreachable", result.Data["database"]);
        }
        finally
        {
            await ExecuteAsync(server, $"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
