using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using Npgsql;

namespace IncidentBot.Tests.Storage.Postgres;

public sealed class PostgresSchemaTests
{
    [Fact]
    public async Task A_database_made_by_the_first_schema_version_is_upgraded_and_keeps_its_rows()
    {
        var connectionString = PostgresServer.NewDatabase();
        await using (var first = PostgresDatabase.Open(connectionString, upTo: 1))
        {
            Assert.Equal(1, first.Version());
            await using var insert = first.Source.CreateCommand(
                "INSERT INTO incidents (id, status, war_room, next_update_due, declared_at, body) VALUES (7, 'Investigating', 'C0WARROOM', NULL, 1, '{}')");
            await insert.ExecuteNonQueryAsync();
        }

        await using var upgraded = PostgresDatabase.Open(connectionString);

        Assert.Equal(PostgresDatabase.LatestVersion, upgraded.Version());
        await using var read = upgraded.Source.CreateCommand("SELECT war_room FROM incidents WHERE id = 7");
        Assert.Equal("C0WARROOM", await read.ExecuteScalarAsync());
        await using var leases = upgraded.Source.CreateCommand("SELECT count(*) FROM leases");
        Assert.Equal(0L, await leases.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Replicas_starting_at_once_migrate_once()
    {
        var connectionString = PostgresServer.NewDatabase();

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresDatabase.Open(connectionString))));

        await using var check = opened[0].Source.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)PostgresDatabase.LatestVersion, await check.ExecuteScalarAsync());
        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public void An_unreachable_server_is_one_clear_reason_naming_the_setting()
    {
        var unreachable = new NpgsqlConnectionStringBuilder { Host = "/nonexistent-socket-folder", Username = "x", Timeout = 2 }.ConnectionString;

        var ex = Assert.Throws<StorageUnavailableException>(() => PostgresDatabase.Open(unreachable));

        Assert.StartsWith("the PostgreSQL database of Storage:ConnectionString cannot be used: ", ex.Message, StringComparison.Ordinal);
    }
}
