using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Both app manifests declare every message shortcut the bot registers, the Home tab and its event.</summary>
public sealed class ManifestClicksTests : BotTest
{
    [Theory]
    [InlineData("slack-app-manifest.json")]
    [InlineData("slack-app-manifest.socket-mode.json")]
    public void The_manifest_lists_the_message_shortcuts_the_home_tab_and_app_home_opened(string manifest)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), manifest)))!;
        var shortcuts = json["features"]!["shortcuts"]!.AsArray();
        var registered = Bot.Services.GetServices<IMessageShortcutHandler>().Select(h => h.CallbackId).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(registered, shortcuts.Select(s => (string)s!["callback_id"]!).Order(StringComparer.Ordinal));
        Assert.All(shortcuts, s =>
        {
            Assert.Equal("message", (string?)s!["type"]);
            Assert.InRange(((string)s["name"]!).Length, 1, 24);
            Assert.InRange(((string)s["description"]!).Length, 1, 80);
        });
        Assert.True((bool)json["features"]!["app_home"]!["home_tab_enabled"]!);
        Assert.Contains("app_home_opened", json["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => (string?)e));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IncidentBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("IncidentBot.sln is not above " + AppContext.BaseDirectory);
    }
}
