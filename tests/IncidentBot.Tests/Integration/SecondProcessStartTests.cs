using System.Net;

namespace IncidentBot.Tests.Integration;

/// <summary>One bot process per LiteDB file: a second one on the same file stops at start, and a dead one leaves the file free.</summary>
public sealed class SecondProcessStartTests
{
    [Fact]
    public async Task A_second_bot_on_the_same_file_stops_with_one_line_and_the_first_keeps_serving()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-second-").FullName;
        var path = Path.Combine(data, "bot.db");
        using var first = await BotProcess.StartAsync(Bot(path));

        using var second = BotProcess.Start(Bot(path));
        var (exitCode, lines) = await ExitAsync(second);

        Assert.Equal(1, exitCode);
        Assert.Equal($"IncidentBot cannot start: {path} is in use by another process; run one replica per LiteDB file (stop the other bot, or give this one its own Storage:Path); for more than one replica use Storage:Provider=PostgreSQL", Assert.Single(lines));
        using var http = new HttpClient { BaseAddress = first.Address };
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        first.KillHard();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task After_the_first_bot_is_killed_hard_the_next_start_on_its_file_serves()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-killed-").FullName;
        var path = Path.Combine(data, "bot.db");
        using (var first = await BotProcess.StartAsync(Bot(path)))
        {
            first.KillHard();
        }

        Assert.True(File.Exists(path + ".lock"), "the dead process's lock file is left behind");
        using var next = await BotProcess.StartAsync(Bot(path));
        using var http = new HttpClient { BaseAddress = next.Address };
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        next.KillHard();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_second_sandbox_on_the_same_file_stops_with_one_line_naming_its_setting_and_resets_nothing()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-sandboxes-").FullName;
        var path = Path.Combine(data, "sandbox.db");
        var sandbox = new Dictionary<string, string> { ["Slack__BotToken"] = "", ["Slack__SigningSecret"] = "", ["Sandbox__Path"] = path };
        using var first = await BotProcess.StartAsync(sandbox);
        var length = new FileInfo(path).Length;

        using var second = BotProcess.Start(new(sandbox) { ["Sandbox__Reset"] = "true" });
        var (exitCode, lines) = await ExitAsync(second);

        Assert.Equal(1, exitCode);
        Assert.Equal($"IncidentBot cannot start: {path} is in use by another process; run one replica per LiteDB file (stop the other bot, or give this one its own Sandbox:Path)", Assert.Single(lines));
        Assert.True(File.Exists(path) && new FileInfo(path).Length == length, "the running sandbox's file is not reset");
        using var http = new HttpClient { BaseAddress = first.Address };
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        first.KillHard();
        Directory.Delete(data, recursive: true);
    }

    private static Dictionary<string, string> Bot(string path) => new()
    {
        ["Slack__BotToken"] = "xoxb-process-test",
        ["Slack__SigningSecret"] = "secret",
        ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        ["Storage__Path"] = path,
    };

    private static async Task<(int ExitCode, string[] Lines)> ExitAsync(BotProcess bot)
    {
        var stderr = bot.Process.StandardError.ReadToEndAsync();
        _ = bot.Process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.Process.WaitForExitAsync(timeout.Token);
        return (bot.Process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
