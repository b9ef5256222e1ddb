using System.Diagnostics;
using Npgsql;

namespace IncidentBot.LoadRun;

/// <summary>
/// The PostgreSQL database of the engines phase: an empty schema of its own on the server given with <c>--postgres</c>
/// (dropped at the end), or on a durable throwaway cluster started with <c>.ci/postgres start DIR durable</c>, which is
/// stopped and removed at the end: when the run ends, fails, or is stopped with Ctrl+C.
/// </summary>
internal sealed class PostgresForRun : IDisposable
{
    private readonly string? script;
    private readonly string? folder;
    private readonly string server;
    private readonly string schema = $"loadrun_{Guid.NewGuid():N}";
    private int released;

    private PostgresForRun(string? script, string? folder, string server)
    {
        this.script = script;
        this.folder = folder;
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        Console.CancelKeyPress += (_, _) => Dispose();
    }

    /// <summary>The connection string the bot is given: the server's, with the run's schema as its search path.</summary>
    public string ConnectionString { get; }

    /// <summary>What the figures were measured on, for the report.</summary>
    public string Description { get; private set; } = "";

    public static PostgresForRun Open(string? given)
    {
        if (given is not null)
        {
            return Created(new PostgresForRun(null, null, given));
        }

        var script = RepositoryFile.Find(".ci/postgres") ?? throw new InvalidOperationException(
            "The engines phase needs PostgreSQL: give a server with --postgres CONNECTION-STRING, or run from the repository, where .ci/postgres starts one.");
        var folder = Directory.CreateTempSubdirectory("incidentbot-loadrun-pg-").FullName;
        var (code, output, error) = Script(script, "start", folder, "durable");
        if (code != 0)
        {
            Script(script, "stop", folder);
            throw new InvalidOperationException($"The engines phase could not start PostgreSQL with .ci/postgres ({error.Trim()}); install Debian's postgresql package, or give a server with --postgres.");
        }

        return Created(new PostgresForRun(script, folder, output.Trim()));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 1)
        {
            return;
        }

        if (script is not null && folder is not null)
        {
            // Stopping the throwaway cluster removes it, schema and all.
            Script(script, "stop", folder);
            return;
        }

        try
        {
            Execute(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"The load run's schema {schema} could not be dropped: {ex.Message}");
        }
    }

    private static PostgresForRun Created(PostgresForRun database)
    {
        try
        {
            Execute(database.server, $"CREATE SCHEMA {database.schema}");
            using var source = NpgsqlDataSource.Create(database.server);
            using var version = source.CreateCommand("SHOW server_version");
            using var durability = source.CreateCommand("SELECT current_setting('fsync') || '/' || current_setting('synchronous_commit')");
            database.Description = $"PostgreSQL {version.ExecuteScalar()}, {(database.script is null ? "the server given" : "a throwaway cluster on this machine")}, fsync/synchronous_commit {durability.ExecuteScalar()}";
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var command = source.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    private static (int Code, string Output, string Error) Script(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run bash.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
