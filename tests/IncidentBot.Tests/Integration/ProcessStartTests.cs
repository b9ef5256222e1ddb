using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot as an operator starts it: a separate process, configured by environment variables and --urls.</summary>
public sealed partial class ProcessStartTests
{
    private static readonly string BotDll = Path.Combine(AppContext.BaseDirectory, "IncidentBot.dll");

    [Fact]
    public async Task Started_with_token_secret_and_api_url_it_listens_on_urls_and_health_answers_200()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-proc-").FullName;
        using var process = Start("--urls http://127.0.0.1:0", new()
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "secret",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Storage__Path"] = Path.Combine(data, "nested", "bot.db"),
        });
        try
        {
            var address = await ReadListeningAddressAsync(process);
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(address + "/health"));

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True(File.Exists(Path.Combine(data, "nested", "bot.db")), "the LiteDB file and its folder are created");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_token_it_refuses_to_start_with_one_line_naming_the_setting()
    {
        using var process = Start("--urls http://127.0.0.1:0", new() { ["Slack__SigningSecret"] = "secret", ["Slack__BotToken"] = "" });
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("IncidentBot cannot start: Slack:BotToken is missing", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    private static Process Start(string arguments, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{BotDll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    private static async Task<string> ReadListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("The bot exited without listening: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
