using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Integration;

/// <summary>What a start that cannot go as planned says: a Slack it cannot reach, a port in use, a data file of the other kind.</summary>
public sealed class StartProblemTests
{
    [Fact]
    public async Task With_Slack_unreachable_it_starts_degraded_and_says_so()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-unreachable-").FullName;
        using var bot = await BotProcess.StartAsync(new()
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "secret",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Slack__MaxRetries"] = "0",
            ["Storage__DataDirectory"] = data,
        });
        using var http = new HttpClient { BaseAddress = bot.Address };

        JsonNode? health = null;
        await Eventually.TrueAsync(
            async () => (string?)(health = JsonNode.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative))))!["slack"] == "paused",
            "health to say Slack is not reached");

        Assert.Equal("degraded", (string?)health!["status"]);
        Assert.Equal("unreachable (network_error)", (string?)health["slack_problem"]);
        Assert.True(File.Exists(Path.Combine(data, "incidentbot.db")), "the data file is in Storage:DataDirectory");
        bot.KillHard();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task On_a_port_in_use_the_sandbox_says_so_in_one_line_without_its_banner_or_a_stack_trace()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-port-").FullName;
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var bot = BotProcess.Start(
            new() { ["Slack__BotToken"] = "", ["Slack__SigningSecret"] = "", ["Storage__DataDirectory"] = data },
            $"--urls http://127.0.0.1:{port}");

        var (exitCode, errors, log) = await bot.ExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"IncidentBot cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use: another program listens there. Stop it, or choose another port with --urls (e.g. --urls http://localhost:5001).",
            Assert.Single(errors));
        Assert.DoesNotContain("SANDBOX MODE", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_bot_with_a_token_refuses_the_file_a_sandbox_left_so_its_unfinished_work_never_reaches_a_workspace()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-owner-").FullName;
        var sandboxFile = Path.Combine(data, "sandbox.db");
        using (var sandbox = await BotProcess.StartAsync(new() { ["Slack__BotToken"] = "", ["Slack__SigningSecret"] = "", ["Storage__DataDirectory"] = data }))
        {
            sandbox.KillHard();
        }

        Assert.True(File.Exists(sandboxFile), "the sandbox keeps sandbox.db in the data directory");
        using var bot = BotProcess.Start(new()
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "secret",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Storage__Path"] = sandboxFile,
        });
        var (exitCode, errors, _) = await bot.ExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"IncidentBot cannot start: {sandboxFile} holds the sandbox's emulated workspace; a bot with a Slack token would replay the sandbox's unfinished work against your workspace. Give Storage:Path a file of its own (by default incidentbot.db in Storage:DataDirectory)",
            Assert.Single(errors));
        Directory.Delete(data, recursive: true);
    }
}
