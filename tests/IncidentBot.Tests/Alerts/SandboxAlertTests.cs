using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Alerts;

/// <summary>The sandbox page's sample alert goes through the bot's real PagerDuty endpoint, signed with the run's secret.</summary>
public sealed class SandboxAlertTests
{
    [Fact]
    public async Task The_sandbox_fires_a_signed_sample_PagerDuty_alert_that_declares_and_then_joins_its_incident()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-sandbox-alert-").FullName;
        using var bot = BotProcess.Start(new() { ["Slack__BotToken"] = "", ["Slack__SigningSecret"] = "", ["Sandbox__Path"] = Path.Combine(data, "sandbox.db") });
        string? url = null;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            // The banner, with the address, comes once the server listens.
            while (url is null && await bot.Process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                url ??= line.Contains("Open ", StringComparison.Ordinal) ? line[(line.IndexOf("Open ", StringComparison.Ordinal) + 5)..].Split(' ')[0] : null;
            }
        }

        _ = bot.Process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(url!) };

        using var first = await http.PostAsync(new Uri("/sandbox/alerts/pagerduty", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var second = await http.PostAsync(new Uri("/sandbox/alerts/pagerduty", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var form = await http.PostAsync(new Uri("/sandbox/alerts/pagerduty", UriKind.Relative), new StringContent("x=1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var forged = await http.PostAsync(new Uri("/alerts/pagerduty", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var declared = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var joined = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal("declared", (string?)declared["outcome"]);
        Assert.Equal("linked", (string?)joined["outcome"]);
        Assert.Equal((string?)declared["incident"], (string?)joined["incident"]);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        bot.KillHard();
        Directory.Delete(data, recursive: true);
    }
}
