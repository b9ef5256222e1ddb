using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>A scheme configured with nothing but names and cadences reads cleanly: no empty brackets or dangling colons.</summary>
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
}
