using IncidentBot.Tests.Fakes;
using LiteDB;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A store written before the post-mortem uploads kept a document per incident (upload records only): after the upgrade
/// its incidents still count as shared and bookmarked.
/// </summary>
public sealed class PostmortemUploadUpgradeTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task Drafts_shared_and_bookmarked_before_the_upgrade_count_in_the_metrics_and_are_not_bookmarked_again()
    {
        var before = BotHost.Start(slack);
        var closed = await DeclareAsync(before, "create Payments down sev1");
        await before.ReplyAsync("resolve Failed over", channel: closed);
        await before.OutboxDrainedAsync();
        await before.ReplyAsync("close", channel: closed);
        var resolved = await DeclareAsync(before, "create Search slow sev2");
        await before.ReplyAsync("resolve Reindexed", channel: resolved);
        await before.OutboxDrainedAsync();
        await before.DisposeAsync();
        using (var file = new LiteDatabase(before.DatabasePath))
        {
            Assert.True(file.DropCollection("postmortem_incidents"));
            Assert.Equal(2, file.GetCollection("postmortem_uploads").Count(Query.Not("SharedAt", BsonValue.Null)));
        }

        await using var after = BotHost.Start(slack, before.DatabasePath);
        var metrics = await after.ReplyAsync("metrics 30d");
        await after.ReplyAsync("status investigating", channel: resolved);
        await after.ReplyAsync("resolve Reindexed again", channel: resolved);
        await after.OutboxDrainedAsync();

        Assert.Contains("*Post-mortems done:* 50% (1 of 2 required)", metrics, StringComparison.Ordinal);
        Assert.Equal(2, slack.Files(resolved).Count);
        Assert.Single(slack.Bookmarks(resolved), b => b.Title == "📝 Post-mortem draft");
        Assert.Single(slack.Bookmarks(closed), b => b.Title == "📝 Post-mortem draft");
    }

    private async Task<string> DeclareAsync(BotHost bot, string command)
    {
        var known = slack.Channels.Select(c => c.Id).ToHashSet();
        await bot.ReplyAsync(command);
        await bot.OutboxDrainedAsync();
        return slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal) && !known.Contains(c.Id)).Id;
    }
}
