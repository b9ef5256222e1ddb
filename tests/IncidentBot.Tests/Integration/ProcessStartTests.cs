using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>The bot started as its own process, as an operator runs it.</summary>
public sealed class ProcessStartTests
{
    [Fact]
    public async Task Started_with_token_secret_and_api_url_it_listens_on_urls_and_health_answers_200()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-proc-").FullName;
        using var bot = await BotProcess.StartAsync(new()
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "secret",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Storage__Path"] = Path.Combine(data, "nested", "bot.db"),
        });

        using var http = new HttpClient { BaseAddress = bot.Address };
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(data, "nested", "bot.db")), "the LiteDB file and its folder are created");
        bot.KillHard();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Without_a_token_on_a_network_address_it_refuses_to_start_instead_of_serving_an_open_sandbox()
    {
        using var bot = BotProcess.Start(new() { ["Slack__SigningSecret"] = "secret", ["Slack__BotToken"] = "" }, "--urls http://0.0.0.0:0");
        var stderr = bot.Process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, bot.Process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IncidentBot cannot start: Slack:BotToken is missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_but_no_signing_secret_it_refuses_to_start_with_one_line_naming_the_setting()
    {
        using var bot = BotProcess.Start(new() { ["Slack__SigningSecret"] = "", ["Slack__BotToken"] = "xoxb-process-test" });
        var stderr = bot.Process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bot.Process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, bot.Process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("IncidentBot cannot start: Slack:SigningSecret is missing", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_hard_mid_declaration_and_restarted_it_finishes_with_one_war_room_and_one_declaration()
    {
        // The fake Slack's time stands still: the delayed answer below never comes while the first bot waits for it.
        await using var slack = await FakeSlackApi.StartAsync(new TestTime());
        var announce = slack.AddChannel("incidents").Id;
        var data = Directory.CreateTempSubdirectory("incidentbot-kill-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = BotHost.SigningSecret,
            ["Slack__ApiBaseUrl"] = slack.BaseUrl.ToString(),
            ["Storage__Path"] = Path.Combine(data, "bot.db"),
            ["Incidents__AnnouncementChannel"] = announce,
        };
        slack.DelayNext("conversations.create", TimeSpan.FromSeconds(60), applyBeforeDelay: true);

        using (var first = await BotProcess.StartAsync(environment))
        {
            using var http = first.SignedClient();
            Assert.Contains("Declaring *INC-1*", await BotProcess.CommandAsync(http, "C0GENERAL", "create Checkout down sev1"), StringComparison.Ordinal);
            await slack.WaitForCallAsync("conversations.create", timeout: TimeSpan.FromSeconds(30));
            first.KillHard();
        }

        using (var second = await BotProcess.StartAsync(environment))
        {
            // The announcement and the pin run side by side: wait for both.
            await slack.WaitForCallAsync("chat.postMessage", c => (string?)c.Args["channel"] == announce, TimeSpan.FromSeconds(60));
            await slack.WaitForCallAsync("pins.add", timeout: TimeSpan.FromSeconds(60));
            second.KillHard();
        }

        var room = Assert.Single(slack.Channels, c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        var declaration = Assert.Single(slack.Messages(room.Id));
        Assert.Contains("Checkout down", declaration.Text, StringComparison.Ordinal);
        Assert.Equal([declaration.Ts], slack.Pins(room.Id));
        Assert.Single(slack.Messages(announce));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_start_that_fails_its_readiness_check_leaves_no_bot_running()
    {
        var data = Directory.CreateTempSubdirectory("incidentbot-unready-").FullName;
        var pid = 0;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(
            new()
            {
                ["Slack__BotToken"] = "xoxb-process-test",
                ["Slack__SigningSecret"] = "secret",
                ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
                ["Storage__Path"] = Path.Combine(data, "bot.db"),
            },
            ready: bot =>
            {
                pid = bot.Process.Id;
                throw new InvalidOperationException("not ready");
            }));

        Assert.Equal("not ready", failure.Message);
        Assert.NotEqual(0, pid);
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
        Directory.Delete(data, recursive: true);
    }
}
