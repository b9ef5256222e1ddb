using System.Net.Http.Headers;
using System.Text;

namespace IncidentBot.Tests.Integration;

/// <summary>The post-mortem names people by their Slack handles (users.info, cached), in the shared file and the endpoint.</summary>
public sealed class PostmortemNamesTests : BotTest
{
    private const string Token = "pm-token-0123456789abcdef";

    [Fact]
    public async Task The_shared_draft_and_the_endpoint_name_people_by_handle_and_keep_the_id_of_someone_slack_does_not_know()
    {
        Slack.AddUser(BotHost.Reporter, "rita");
        Slack.AddUser("U0LEAD", "lee");
        Slack.AddUser("U0ALICE", "alice");
        Slack.ForgetUser("U0GHOST");
        await using var bot = BotHost.Start(Slack, settings: new Dictionary<string, string?> { ["Postmortems:AccessToken"] = Token });
        await bot.ReplyAsync("create Checkout returns 500s sev3");
        await bot.OutboxDrainedAsync();
        var room = Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await bot.ReplyAsync("lead <@U0LEAD>", channel: room);
        await bot.ReplyAsync("action Alert on the 5xx rate <@U0ALICE> due 2026-12-01", channel: room);
        await bot.ReplyAsync("update Handing the rollback to <@U0ALICE>, <@U0GHOST> watches", channel: room);

        await bot.ReplyAsync("postmortem", channel: room);
        await bot.OutboxDrainedAsync();
        var shared = Encoding.UTF8.GetString(Assert.Single(Slack.Files(room)).Content!);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/incidents/1/postmortem.md", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await bot.Unsigned.SendAsync(request);
        var served = await response.Content.ReadAsStringAsync();

        foreach (var draft in new[] { shared, served })
        {
            Assert.Contains(" by @rita |", draft, StringComparison.Ordinal);
            Assert.Contains("| Incident commander | @rita |", draft, StringComparison.Ordinal);
            Assert.Contains("| Tech lead | @lee |", draft, StringComparison.Ordinal);
            Assert.Contains("| Role | @rita | Tech lead: @lee |", draft, StringComparison.Ordinal);
            Assert.Contains("| 1 | Alert on the 5xx rate | @alice | 2026-12-01 | @rita |", draft, StringComparison.Ordinal);
            Assert.Contains("Handing the rollback to @alice, @U0GHOST watches", draft, StringComparison.Ordinal);
            Assert.DoesNotContain("@U0REPORTER", draft, StringComparison.Ordinal);
            Assert.DoesNotContain("@U0LEAD", draft, StringComparison.Ordinal);
        }

        // Each person is looked up once, however many drafts name them.
        Assert.Single(Slack.Calls("users.info"), c => (string?)c.Args["user"] == "U0LEAD");
    }
}
