using IncidentBot.Incidents;
using IncidentBot.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Sandbox;

/// <summary>What sandbox mode changes in the bot's settings, and that a configured token leaves them alone.</summary>
public sealed class SandboxExtensionsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("incidentbot-sandbox-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Without_a_token_the_bot_talks_to_the_sandbox_with_its_own_file_secret_and_announcement_channel()
    {
        var path = Path.Combine(folder, "sandbox.db");
        File.WriteAllText(path, "an old sandbox");
        var builder = Builder("--Slack:BotToken=", $"--Sandbox:Path={path}", "--Sandbox:Reset=true", "--Sandbox:UpdateInterval=00:01:00");

        builder.AddSandbox();

        var settings = builder.Configuration;
        Assert.False(File.Exists(path), "Sandbox:Reset deletes the old file");
        Assert.Equal(path, settings["Storage:Path"]);
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9]\d*/sandbox/api/$", settings["Slack:ApiBaseUrl"]);
        Assert.StartsWith("xoxb-", settings["Slack:BotToken"], StringComparison.Ordinal);
        Assert.Equal(64, settings["Slack:SigningSecret"]!.Length);
        Assert.Equal(SandboxDirectory.AnnouncementChannelId, settings["Incidents:AnnouncementChannel"]);
        using var services = builder.Services.BuildServiceProvider();
        var severities = services.GetRequiredService<IOptions<IncidentsOptions>>().Value.Severities;
        Assert.Equal(SeverityScheme.Defaults.Select(s => s.Name), severities.Select(s => s.Name));
        Assert.All(severities, s => Assert.Equal(TimeSpan.FromMinutes(1), s.UpdateInterval));
        Assert.Equal(TimeSpan.FromMinutes(15), SeverityScheme.Defaults[0].UpdateInterval);
    }

    [Fact]
    public void With_a_token_and_no_Sandbox_Enabled_nothing_changes()
    {
        var builder = Builder("--Slack:BotToken=xoxb-real", "--Slack:ApiBaseUrl=https://slack.com/api/");

        builder.AddSandbox();

        Assert.Equal("xoxb-real", builder.Configuration["Slack:BotToken"]);
        Assert.Equal("https://slack.com/api/", builder.Configuration["Slack:ApiBaseUrl"]);
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(SandboxSession));
    }

    private static WebApplicationBuilder Builder(params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--urls=http://127.0.0.1:0", .. args], EnvironmentName = "Production" });
}
