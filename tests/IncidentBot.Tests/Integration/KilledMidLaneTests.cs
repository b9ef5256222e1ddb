using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A bot process killed with SIGKILL while its war room's lane is mid-way through a change: Slack has taken the change's
/// post and the edit of the declaration, the topic call never answers. Started again on the same LiteDB file, it says
/// the change once and finishes what was left.
/// </summary>
public sealed class KilledMidLaneTests
{
    [Fact]
    public async Task Killed_after_slack_took_a_changes_post_a_restart_does_not_post_it_again_and_sets_the_topic()
    {
        // The fake Slack's own time stands still: the delayed topic call never answers the process that is killed.
        await using var slack = await FakeSlackApi.StartAsync(new TestTime());
        var data = Directory.CreateTempSubdirectory("incidentbot-midlane-").FullName;
        var environment = Environment(slack, Path.Combine(data, "bot.db"));
        string room;
        using (var first = await BotProcess.StartAsync(environment))
        {
            using var http = first.SignedClient();
            await BotProcess.CommandAsync(http, "C0GENERAL", "create Payments down sev2");
            room = (await slack.WaitForCallAsync("pins.add", timeout: TimeSpan.FromSeconds(30))).Args["channel"]!.ToString();
            await PendingAsync(http, 0);

            slack.DelayNext("conversations.setTopic", TimeSpan.FromMinutes(10), applyBeforeDelay: true);
            await BotProcess.CommandAsync(http, room, "severity sev1");
            await slack.WaitForCallAsync("conversations.setTopic", c => ((string?)c.Args["topic"] ?? "").Contains("SEV-1", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            first.KillHard();
        }

        using (var second = await BotProcess.StartAsync(environment))
        {
            using var http = second.SignedClient();
            await PendingAsync(http, 0);
            second.KillHard();
        }

        Assert.Single(slack.Messages(room), m => m.Text.Contains("Severity raised", StringComparison.Ordinal));
        Assert.Contains("SEV-1", slack.Channels.Single(c => c.Id == room).Topic, StringComparison.Ordinal);
        Assert.Single(slack.Messages(room), m => m.EditedTs is not null && m.Text.Contains("SEV-1", StringComparison.Ordinal));
        Directory.Delete(data, recursive: true);
    }

    private static Dictionary<string, string> Environment(FakeSlackApi slack, string path) => new()
    {
        ["Slack__BotToken"] = "xoxb-midlane-test",
        ["Slack__SigningSecret"] = BotHost.SigningSecret,
        ["Slack__ApiBaseUrl"] = slack.BaseUrl.ToString(),
        ["Slack__RetryBaseDelay"] = "00:00:00.050",
        ["Storage__Path"] = path,
    };

    /// <summary>Waits (at most 30 s) until the bot's <c>/health</c> counts <paramref name="pending"/> outbox messages.</summary>
    private static Task PendingAsync(HttpClient bot, int pending) =>
        Eventually.TrueAsync(
            async () =>
            {
                using var health = await bot.GetAsync(new Uri("/health", UriKind.Relative));
                return (string?)JsonNode.Parse(await health.Content.ReadAsStringAsync())?["outbox_pending"] == pending.ToString(System.Globalization.CultureInfo.InvariantCulture);
            },
            $"{pending} outbox messages pending",
            TimeSpan.FromSeconds(30));
}
