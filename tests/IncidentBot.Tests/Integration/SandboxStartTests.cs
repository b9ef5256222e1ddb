using System.Net;
using System.Text;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot started with no Slack settings at all, as a new user first runs it: the sandbox.</summary>
public sealed class SandboxStartTests
{
    [Fact]
    public async Task Without_a_token_it_starts_the_sandbox_says_so_first_and_serves_the_page_and_an_emulated_Web_API()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-sandbox-").FullName;
        using var bot = BotProcess.Start(new() { ["Slack__BotToken"] = "", ["Slack__SigningSecret"] = "", ["Sandbox__Path"] = Path.Combine(data, "sandbox.db") });

        // The banner comes once the server listens (a port in use says only that), before the host says it started.
        var firstLines = new StringBuilder();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (await bot.Process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.Contains("Application started", StringComparison.Ordinal))
            {
                firstLines.AppendLine(line);
            }
        }

        _ = bot.Process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var log = firstLines.ToString();
        Assert.Contains("SANDBOX MODE", log, StringComparison.Ordinal);
        Assert.Contains("a SEV-1 update is due 1 min after declaring (Sandbox__TimeScale=1 keeps the configured times)", log, StringComparison.Ordinal);
        var url = new Uri(log[(log.IndexOf("Open ", StringComparison.Ordinal) + 5)..].Split(' ')[0]);
        using var http = new HttpClient { BaseAddress = url };

        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("IncidentBot sandbox", html, StringComparison.Ordinal);
        using var anonymous = await http.PostAsync(new Uri("/sandbox/api/auth.test", UriKind.Relative), null);
        Assert.Contains("\"error\":\"not_authed\"", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unsigned = await http.PostAsync(new Uri("/slack/commands", UriKind.Relative), new StringContent("user_id=U1&channel_id=C1&command=%2Fincident&text=help", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.True(File.Exists(Path.Combine(data, "sandbox.db")), "the sandbox keeps its own LiteDB file");

        // The sandbox's clock skips ahead on request, and a skip that is not a positive number of minutes is refused.
        using var skip = await http.PostAsync(new Uri("/sandbox/clock/advance", UriKind.Relative), new StringContent("""{"minutes":30}""", Encoding.UTF8, "application/json"));
        Assert.Contains("\"aheadMinutes\":30", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var backwards = await http.PostAsync(new Uri("/sandbox/clock/advance", UriKind.Relative), new StringContent("""{"minutes":-5}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("invalid_minutes", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        bot.KillHard();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Pointed_at_a_PostgreSQL_database_the_sandbox_refuses_to_start_with_one_line_and_writes_nothing_there()
    {
        var database = Storage.Postgres.PostgresServer.NewDatabase();
        using var bot = BotProcess.Start(new()
        {
            ["Slack__BotToken"] = "",
            ["Slack__SigningSecret"] = "",
            ["Storage__Provider"] = "PostgreSQL",
            ["Storage__ConnectionString"] = database,
        });
        var stderr = bot.Process.StandardError.ReadToEndAsync();
        _ = bot.Process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, bot.Process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IncidentBot cannot start: Storage:Provider PostgreSQL cannot serve the sandbox", line, StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var tables = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }
}
