using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IncidentBot.Commands;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Help, the README's command reference and the app manifests' usage hints name every subcommand the bot registers,
/// so a new command cannot be left out of them.
/// </summary>
public sealed partial class HelpTests : BotTest
{
    private IReadOnlyList<IIncidentCommandHandler> Handlers => [.. Bot.Services.GetServices<IIncidentCommandHandler>()];

    [Fact]
    public async Task Help_names_every_registered_command_and_each_of_its_short_forms()
    {
        var help = await Bot.ReplyAsync("help");

        var missing = Handlers.SelectMany(h => h.Verbs).Except(CodeWords(help), StringComparer.OrdinalIgnoreCase).ToList();

        Assert.True(missing.Count == 0, $"help does not name: {string.Join(", ", missing)}");
        Assert.Contains("/incident timeline", help, StringComparison.Ordinal);
        Assert.Contains("/incident note &lt;text&gt;", help, StringComparison.Ordinal);
        Assert.Contains("/incident cancel", help, StringComparison.Ordinal);
        Assert.Contains("/incident remind on|off", help, StringComparison.Ordinal);
        Assert.Contains("@person|me|none", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_command_reference_names_every_registered_command_and_each_of_its_short_forms()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("\n## Commands\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var commands = readme[start..end];

        var missing = Handlers.SelectMany(h => h.Verbs).Except(CodeWords(commands), StringComparer.OrdinalIgnoreCase).ToList();

        Assert.True(missing.Count == 0, $"the README's Commands section does not name: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("slack-app-manifest.json")]
    [InlineData("slack-app-manifest.socket-mode.json")]
    public void The_manifests_usage_hint_names_every_registered_command(string manifest)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), manifest)))!;
        var hint = (string)json["features"]!["slash_commands"]![0]!["usage_hint"]!;
        var words = Words(hint);

        var missing = Handlers.Select(h => h.Verbs.First()).Append("help").Where(v => !words.Contains(v)).ToList();

        Assert.True(missing.Count == 0, $"{manifest}'s usage_hint does not name: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Help_examples_use_the_configured_severity_names_by_rank()
    {
        // An explicit matrix, so the start does not depend on how the default one maps onto other names.
        var settings = new Dictionary<string, string?>
        {
            ["Incidents:DefaultSeverity"] = "P2",
            ["Incidents:Escalation:P0:0:After"] = "00:30:00",
            ["Incidents:Escalation:P0:0:Notify:0"] = "@oncall",
        };
        foreach (var rank in Enumerable.Range(0, 4))
        {
            settings[$"Incidents:Severities:{rank}:Name"] = $"P{rank}";
            settings[$"Incidents:Severities:{rank}:Description"] = $"Priority {rank}";
            settings[$"Incidents:Severities:{rank}:UpdateInterval"] = "01:00:00";
        }

        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = BotHost.Start(slack, settings: settings);

        var help = await bot.ReplyAsync("help");

        Assert.Contains("`/incident severity INC-42 P1`", help, StringComparison.Ordinal);
        Assert.DoesNotContain("SEV-", help, StringComparison.Ordinal);
    }

    /// <summary>The words inside the text's code spans, with the slash command itself left out.</summary>
    private static HashSet<string> CodeWords(string text) =>
        [.. CodeSpan().Matches(text).SelectMany(m => Words(m.Groups[1].Value))];

    private static HashSet<string> Words(string text) =>
        new(Separator().Split(text).Where(w => w.Length > 0 && w != "/incident"), StringComparer.OrdinalIgnoreCase);

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("IncidentBot.sln is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"[\s|\[\]\\]+")]
    private static partial Regex Separator();
}
