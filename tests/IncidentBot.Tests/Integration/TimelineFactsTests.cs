using System.Text;
using LiteDB;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The timeline keeps who did what as facts: the Slack timeline names people by mention, the post-mortem by handle, and
/// entries an older version stored with the mentions in their text read the same.
/// </summary>
public sealed class TimelineFactsTests : BotTest
{
    [Fact]
    public async Task A_handover_and_an_escalation_are_mentions_in_the_slack_timeline_and_handles_in_the_postmortem()
    {
        Slack.AddUser(BotHost.Reporter, "rita");
        Slack.AddUser("U0LEAD", "lee");
        Slack.AddUser("U0ALICE", "alice");
        Slack.AddUser("U0CTO", "cto");
        var room = await DeclareAsync(Bot);
        await Bot.ReplyAsync("lead <@U0LEAD>", channel: room);
        await Bot.ReplyAsync("lead <@U0ALICE>", channel: room);
        await Bot.ReplyAsync("lead none", channel: room);
        await Bot.ReplyAsync("escalate <@U0CTO|cto> <!subteam^S0SRE|@sre>", channel: room);
        await Bot.OutboxDrainedAsync();

        var timeline = await Bot.ReplyAsync("timeline", channel: room);
        Assert.Contains("*Role* Tech lead: <@U0LEAD> → <@U0ALICE> · by <@U0REPORTER>", timeline, StringComparison.Ordinal);
        Assert.Contains("*Role* Tech lead: <@U0ALICE> → nobody · by <@U0REPORTER>", timeline, StringComparison.Ordinal);
        Assert.Contains("*Escalated* <@U0CTO>, S0SRE · by <@U0REPORTER>", timeline, StringComparison.Ordinal);

        var draft = await PostmortemAsync(Bot, room);
        Assert.Contains("| Role | @rita | Tech lead: @lee → @alice |", draft, StringComparison.Ordinal);
        Assert.Contains("| Role | @rita | Tech lead: @alice → nobody |", draft, StringComparison.Ordinal);
        Assert.Contains("| Escalated | @rita | Escalated: @cto, S0SRE |", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("@U0ALICE", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_stored_with_slack_mentions_in_its_text_still_shows_who_did_what()
    {
        Slack.AddUser(BotHost.Reporter, "rita");
        Slack.AddUser("U0LEAD", "lee");
        var first = BotHost.Start(Slack);
        var room = await DeclareAsync(first);
        await first.DisposeAsync();
        using (var database = new LiteDatabase(new ConnectionString { Filename = first.DatabasePath, Connection = ConnectionType.Direct }))
        {
            // The shape today's entries had before their parties were kept: the mentions are in the text.
            database.GetCollection("timeline", BsonAutoId.Int64).Insert(new BsonDocument
            {
                ["at"] = SystemClock.Instance.GetCurrentInstant().ToUnixTimeMilliseconds(),
                ["kind"] = "RoleAssigned",
                ["actor"] = BotHost.Reporter,
                ["text"] = "Tech lead: <@U0REPORTER> → <@U0LEAD>",
                ["incident"] = 1,
            });
        }

        await using var restarted = BotHost.Start(Slack, first.DatabasePath);
        var timeline = await restarted.ReplyAsync("timeline", channel: room);
        var draft = await PostmortemAsync(restarted, room);

        Assert.Contains("*Role* Tech lead: <@U0REPORTER> → <@U0LEAD> · by <@U0REPORTER>", timeline, StringComparison.Ordinal);
        Assert.Contains("| Role | @rita | Tech lead: @rita → @lee |", draft, StringComparison.Ordinal);
    }

    private async Task<string> DeclareAsync(BotHost bot)
    {
        await bot.ReplyAsync("create Checkout returns 500s sev3");
        await bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private async Task<string> PostmortemAsync(BotHost bot, string room)
    {
        await bot.ReplyAsync("postmortem", channel: room);
        await bot.OutboxDrainedAsync();
        return Encoding.UTF8.GetString(Slack.Files(room)[^1].Content!);
    }
}
