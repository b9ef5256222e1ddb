using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The published bot started as a new user starts it: from a folder holding only the example settings, renamed
/// appsettings.json, with the token and secret pointed at the fake Slack as an operator's environment would.
/// </summary>
public sealed class PublishedStartTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    [Fact]
    public async Task Started_from_a_folder_holding_only_the_example_settings_it_finds_its_templates_keeps_its_data_there_and_serves_health()
    {
        await using var slack = await FakeSlackApi.StartAsync(new TestTime());
        var run = published.NewRunFolder();
        using var bot = await BotProcess.StartAsync(Environment(slack), dll: published.Dll, workingDirectory: run);

        using var http = new HttpClient { BaseAddress = bot.Address };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("LiteDB", (string?)health["store"]);
        Assert.True(File.Exists(Path.Combine(run, "data", "incidentbot.db")), "the data file is in the data directory under the folder the bot was started from");
        bot.KillHard();
    }

    [Fact]
    public async Task With_a_token_Slack_refuses_it_exits_1_with_one_line_naming_Slack_BotToken()
    {
        await using var slack = await FakeSlackApi.StartAsync(new TestTime());
        slack.RefuseToken("invalid_auth");
        using var bot = BotProcess.Start(Environment(slack), dll: published.Dll, workingDirectory: published.NewRunFolder());

        var (exitCode, errors, log) = await bot.ExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "IncidentBot cannot start: Slack:BotToken was refused by Slack (invalid_auth): set it to the app's Bot User OAuth Token (xoxb-…, under OAuth & Permissions once the app is installed), e.g. environment variable Slack__BotToken.",
            Assert.Single(errors));
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack refused the bot token", log, StringComparison.Ordinal);
    }

    /// <summary>The example's placeholder token and secret stay; only where Slack is changes.</summary>
    private static Dictionary<string, string> Environment(FakeSlackApi slack) => new()
    {
        ["Slack__ApiBaseUrl"] = slack.BaseUrl.ToString(),
    };
}
