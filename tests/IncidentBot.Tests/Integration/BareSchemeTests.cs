using IncidentBot.Commands;
using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Integration;

/// <summary>A scheme configured with nothing but names (and cadences) reads cleanly and keeps the default levels' rules by rank.</summary>
public sealed class BareSchemeTests
{
    [Fact]
    public async Task Levels_named_P0_to_P3_without_aliases_or_descriptions_read_cleanly_in_help_and_the_declaration()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        var settings = new Dictionary<string, string?>();
        string[] names = ["P0", "P1", "P2", "P3"];
        for (var i = 0; i < names.Length; i++)
        {
            settings[$"Incidents:Severities:{i}:Name"] = names[i];
            settings[$"Incidents:Severities:{i}:UpdateInterval"] = "00:30:00";
        }

        await using var bot = BotHost.Start(slack, settings: settings);
        var help = await bot.ReplyAsync("help");
        await bot.ReplyAsync("create Login broken p1");
        await bot.OutboxDrainedAsync();

        Assert.Contains("• *P0* — update every 30m", help, StringComparison.Ordinal);
        Assert.Contains("Default severity: P2.", help, StringComparison.Ordinal);
        var room = bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId!;
        var declaration = IncidentCommandTests.Flatten(slack.Messages(room)[0]);
        Assert.Contains("INC-1 · P1", declaration, StringComparison.Ordinal);
        Assert.DoesNotContain("P1:", declaration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Levels_given_only_names_keep_the_default_levels_rules_by_rank()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        var settings = new Dictionary<string, string?>();
        string[] names = ["P0", "P1", "P2", "P3"];
        for (var i = 0; i < names.Length; i++)
        {
            settings[$"Incidents:Severities:{i}:Name"] = names[i];
        }

        settings["Incidents:Severities:2:PostmortemRequired"] = "true";
        settings["Incidents:Severities:3:UpdateInterval"] = "02:00:00";
        await using var bot = BotHost.Start(slack, settings: settings);
        var help = await bot.ReplyAsync("help");
        await bot.ReplyAsync("create Login broken p0");
        await bot.OutboxDrainedAsync();

        Assert.Contains("• *P0* — update every 15m", help, StringComparison.Ordinal);
        Assert.Contains("• *P1* — update every 30m", help, StringComparison.Ordinal);
        Assert.Contains("• *P3* — update every 2h", help, StringComparison.Ordinal);
        var levels = bot.Services.GetRequiredService<IOptions<IncidentsOptions>>().Value.Severities;
        Assert.Equal([true, true, true, false], levels.Select(l => l.PostmortemRequired));
        var resolved = await bot.ReplyAsync("resolve", channel: bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId!);
        Assert.DoesNotContain("optional", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifth_level_without_an_update_interval_is_refused_at_start()
    {
        var builder = WebApplication.CreateBuilder([.. Enumerable.Range(0, 5).Select(i => $"--Incidents:Severities:{i}:Name=P{i}")]);

        builder.AddIncidents();

        using var services = builder.Services.BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IncidentsOptions>>().Value);
        Assert.Equal(["Every item of Incidents:Severities needs a Name, and an UpdateInterval above zero (the first four take the default levels' when it is unset)."], refused.Failures);
    }
}
