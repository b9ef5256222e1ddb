using IncidentBot.Acknowledgements;
using IncidentBot.Commands;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Sandbox;
using IncidentBot.Slack;
using IncidentBot.Storage;
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

        using var services = builder.Services.BuildServiceProvider();
        Assert.True(File.Exists(path), "nothing is deleted before the bot starts");
        Assert.Equal(path, services.GetRequiredService<IOptions<StorageOptions>>().Value.Path);
        Assert.False(File.Exists(path), "Sandbox:Reset deletes the old file before the store opens it");
        File.WriteAllText(path, "the store's new file");
        Assert.Equal(path, services.GetRequiredService<IOptionsMonitor<StorageOptions>>().CurrentValue.Path);
        Assert.True(File.Exists(path), "and only once");
        var slack = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9]\d*/sandbox/api/$", slack.ApiBaseUrl.ToString());
        Assert.StartsWith("xoxb-", slack.BotToken, StringComparison.Ordinal);
        Assert.Equal(64, slack.SigningSecret.Length);
        Assert.Equal("", slack.AppToken);
        Assert.Equal(services.GetRequiredService<SandboxSession>().SigningSecret, slack.SigningSecret);
        var incidents = services.GetRequiredService<IOptions<IncidentsOptions>>().Value;
        Assert.Equal(SandboxDirectory.AnnouncementChannelId, incidents.AnnouncementChannel);
        Assert.Equal("false", builder.Configuration["Incidents:AutoEscalation"]);
        var severities = incidents.Severities;
        Assert.Equal(SeverityScheme.Defaults.Select(s => s.Name), severities.Select(s => s.Name));
        Assert.All(severities, s => Assert.Equal(TimeSpan.FromMinutes(1), s.UpdateInterval));
        Assert.Equal(TimeSpan.FromMinutes(15), SeverityScheme.Defaults[0].UpdateInterval);
    }

    [Fact]
    public void By_default_reminders_escalation_steps_and_response_targets_come_fifteen_times_sooner_in_whole_minutes()
    {
        var builder = Builder("--Slack:BotToken=", $"--Sandbox:Path={Path.Combine(folder, "sandbox.db")}", "--Incidents:AutoEscalation=true");
        builder.AddIncidents();
        builder.AddEscalation();
        builder.AddAcknowledgements();

        builder.AddSandbox();

        using var services = builder.Services.BuildServiceProvider();
        var severities = services.GetRequiredService<IOptions<IncidentsOptions>>().Value.Severities;
        Assert.Equal([1, 2, 16, 96], severities.Select(s => s.UpdateInterval!.Value.TotalMinutes));
        var steps = services.GetRequiredService<IOptions<EscalationOptions>>().Value.Escalation["SEV-1"];
        Assert.Equal([0, 1, 2, 4], steps.Select(s => s.After.TotalMinutes));
        var targets = services.GetRequiredService<IOptions<ResponseTargetsOptions>>().Value.Targets;
        Assert.Equal(["00:01:00", "00:02:00", "00:08:00", ResponseTargetsOptions.NextBusinessDay], severities.Select(s => targets[s.Name]));
        Assert.Equal(TimeSpan.FromMinutes(15), SeverityScheme.Defaults[0].UpdateInterval);
    }

    [Fact]
    public void A_time_scale_of_1_keeps_the_configured_times()
    {
        var builder = Builder("--Slack:BotToken=", $"--Sandbox:Path={Path.Combine(folder, "sandbox.db")}", "--Sandbox:TimeScale=1", "--Incidents:ResponseTargets:Targets:SEV-1=00:07:00");
        builder.AddIncidents();
        builder.AddEscalation();
        builder.AddAcknowledgements();

        builder.AddSandbox();

        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal([15, 30, 240, 1440], services.GetRequiredService<IOptions<IncidentsOptions>>().Value.Severities.Select(s => s.UpdateInterval!.Value.TotalMinutes));
        Assert.Equal([0, 15, 30, 60], services.GetRequiredService<IOptions<EscalationOptions>>().Value.Escalation["SEV-1"].Select(s => s.After.TotalMinutes));
        Assert.Equal("00:07:00", services.GetRequiredService<IOptions<ResponseTargetsOptions>>().Value.Targets["SEV-1"]);
    }

    [Fact]
    public void The_sandbox_file_defaults_to_the_data_directory()
    {
        var builder = Builder("--Slack:BotToken=", $"--Storage:DataDirectory={folder}");

        builder.AddSandbox();

        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(Path.Combine(folder, "sandbox.db"), services.GetRequiredService<IOptions<SandboxOptions>>().Value.Path);
    }

    [Theory]
    [InlineData("--Sandbox:TimeScale=0", "Sandbox:TimeScale must be 1 (the configured times) or more.")]
    [InlineData("--Sandbox:UpdateInterval=00:00:10", "Sandbox:UpdateInterval must be at least 00:01:00: reminders count whole minutes.")]
    [InlineData("--Sandbox:Path= ", "Sandbox:Path must name a file.")]
    public void A_sandbox_setting_out_of_range_stops_the_start_with_one_line_naming_it(string setting, string failure)
    {
        var builder = Builder("--Slack:BotToken=", setting);

        builder.AddSandbox();

        using var services = builder.Services.BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SandboxOptions>>().Value);
        Assert.Equal([failure], refused.Failures);
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
