namespace IncidentBot.Tests.Integration;

/// <summary>The bot started as its own process with a receiver whose private-incident setting is a typo: one line, and no start.</summary>
public sealed class WebhookStartTests
{
    [Fact]
    public async Task An_unknown_PrivateIncidents_value_stops_the_start_with_one_line_naming_the_setting()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-webhook-start-").FullName;
        using var bot = BotProcess.Start(new()
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "secret",
            ["Storage__Path"] = Path.Combine(data, "bot.db"),
            ["Incidents__Webhooks__0__Url"] = "https://hooks.example.com/incidentbot",
            ["Incidents__Webhooks__0__Secret"] = "whsec-0123456789abcdef",
            ["Incidents__Webhooks__0__PrivateIncidents"] = "Everything",
        });
        var stderr = bot.Process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.Process.WaitForExitAsync(timeout.Token);
        Directory.Delete(data, recursive: true);

        Assert.Equal(1, bot.Process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IncidentBot cannot start: Incidents:Webhooks:[n]:PrivateIncidents must be Redacted, Full or Omit.", line, StringComparison.Ordinal);
    }
}
