using System.Diagnostics;
using Npgsql;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>INCIDENTBOT_TEST_POSTGRES</c> (a connection string; <c>.ci/run</c>
/// sets it to a throwaway cluster of its own), else a throwaway cluster this test run starts with <c>.ci/postgres</c> and
/// stops when it ends. Without either the PostgreSQL tests fail with what to install: they never skip.
/// Each test gets a schema of its own, so tests never see each other's rows.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "INCIDENTBOT_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string of an empty schema of its own on the test server.</summary>
    public static string NewDatabase()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(Server.Value))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server.Value) { SearchPath = schema, MaxPoolSize = 20 }.ConnectionString;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return given;
        }

        var script = FindScript() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: set {Variable} to a connection string, or run them from the repository, where .ci/postgres starts one.");
        var folder = Directory.CreateTempSubdirectory("incidentbot-pg-").FullName;
        var (code, output, error) = Run(script, "start", folder, Environment.ProcessId);
        if (code != 0)
        {
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server, and none could be started: {error.Trim()} Or set {Variable} to the connection string of one.");
        }

        // Stopped when this process exits, and, should it be killed instead, by the script's watcher of this process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return output.Trim();
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "postgres");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    private static (int Code, string Output, string Error) Run(string script, string command, string folder, int? owner = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (owner is { } pid)
        {
            start.Environment["PG_OWNER_PID"] = pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var argument in new[] { script, command, folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
