using IncidentBot.Postmortems;
using IncidentBot.Tests.Messaging;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot started as its own process with a bad post-mortem setting or template: one line, and no start.</summary>
public sealed class PostmortemStartTests
{
    [Fact]
    public async Task A_guessable_access_token_stops_the_start_with_one_line_naming_the_setting()
    {
        var line = await RefusalAsync(new() { ["Postmortems__AccessToken"] = "short" });

        Assert.StartsWith("IncidentBot cannot start: Postmortems:AccessToken must be at least 16 characters", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_postmortem_template_stops_the_start_with_one_line_naming_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("incidentbot-templates-").FullName;
        foreach (var template in Directory.GetFiles(TemplateTests.TemplatesFolder))
        {
            File.Copy(template, Path.Combine(folder, Path.GetFileName(template)));
        }

        File.WriteAllText(Path.Combine(folder, PostmortemRenderer.TemplateFile), "# {{ incident.id }}\n{{ incident.titel }}\n");

        var line = await RefusalAsync(new() { ["Messaging__TemplatesPath"] = folder });

        Assert.StartsWith("IncidentBot cannot start: Template ", line, StringComparison.Ordinal);
        Assert.Contains("postmortem.md.sbn line 2", line, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> RefusalAsync(Dictionary<string, string> settings)
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-pm-start-").FullName;
        settings["Slack__BotToken"] = "xoxb-process-test";
        settings["Slack__SigningSecret"] = "secret";
        settings["Storage__Path"] = Path.Combine(data, "bot.db");
        using var bot = BotProcess.Start(settings);
        var stderr = bot.Process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.Process.WaitForExitAsync(timeout.Token);
        Directory.Delete(data, recursive: true);

        Assert.Equal(1, bot.Process.ExitCode);
        return Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
