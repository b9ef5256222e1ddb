using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary><c>/incident action</c> and <c>/incident actions</c> through the real host.</summary>
public sealed class ActionItemTests : BotTest
{
    [Fact]
    public async Task An_action_with_owner_and_due_date_is_recorded_and_listed()
    {
        var room = await DeclareAsync();

        var added = await Bot.ReplyAsync("action Add a retry budget to checkout <@U0LEAD|lee> due 2026-12-01", channel: room);
        await Bot.ReplyAsync("action Canary deploys, ask <@U0SRE> first", user: "U0BYSTANDER", channel: room);
        var listed = await Bot.ReplyAsync("actions", channel: room);

        Assert.Contains("Action item 1 recorded for INC-1: *1.* Add a retry budget to checkout (<@U0LEAD>, due 2026-12-01)", added, StringComparison.Ordinal);
        Assert.Contains("*Action items of INC-1 (2):*", listed, StringComparison.Ordinal);
        Assert.Contains("• *2.* Canary deploys, ask <@U0SRE> first (no owner, no due date)", listed, StringComparison.Ordinal);
        var items = Bot.Store.Find(new IncidentId(1))!.ActionItems;
        Assert.Equal(new ActionItem(1, "Add a retry budget to checkout", new ResponderId("U0LEAD"), new LocalDate(2026, 12, 1), new ResponderId(BotHost.Reporter), items[0].AddedAt), items[0]);
        Assert.Equal(new ResponderId("U0BYSTANDER"), items[1].AddedBy);
        Assert.Contains(Bot.Store.Timeline(new IncidentId(1)), e => e.Kind == TimelineKind.ActionItem && e.Text == "Action item 2: Canary deploys, ask <@U0SRE> first");
    }

    [Fact]
    public async Task The_due_date_may_come_before_the_owner()
    {
        var room = await DeclareAsync();

        await Bot.ReplyAsync("action Rotate the keys due 2026-12-24 <@U0SEC>", channel: room);

        var item = Assert.Single(Bot.Store.Find(new IncidentId(1))!.ActionItems);
        Assert.Equal(("Rotate the keys", new ResponderId("U0SEC"), new LocalDate(2026, 12, 24)), (item.Text, item.Owner!.Value, item.Due!.Value));
    }

    [Theory]
    [InlineData("action Fix it due 2026-13-01", "`2026-13-01` is not a date. Give the due date as YYYY-MM-DD")]
    [InlineData("action", "Not done: an action item needs text")]
    [InlineData("action <@U0LEAD> due 2026-12-01", "Not done: an action item needs text")]
    public async Task A_bad_action_is_explained_and_not_recorded(string command, string expected)
    {
        var room = await DeclareAsync();

        var reply = await Bot.ReplyAsync(command, channel: room);

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Empty(Bot.Store.Find(new IncidentId(1))!.ActionItems);
    }

    [Fact]
    public async Task Without_action_items_the_list_says_how_to_add_one_and_it_works_from_outside_with_the_id()
    {
        await DeclareAsync();

        var empty = await Bot.ReplyAsync("actions INC-1");
        await Bot.ReplyAsync("action INC-1 Write the customer note");
        var listed = await Bot.ReplyAsync("actions INC-1");

        Assert.Contains("INC-1 has no action items yet. Add one: `/incident action &lt;text&gt; [@owner] [due YYYY-MM-DD]`", empty, StringComparison.Ordinal);
        Assert.Contains("*1.* Write the customer note", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_text_cannot_ping_the_channel()
    {
        var room = await DeclareAsync();

        var reply = await Bot.ReplyAsync("action Tell <!channel> & everyone", channel: room);

        Assert.Contains("Tell &lt;!channel&gt; &amp; everyone", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", await Bot.ReplyAsync("actions", channel: room), StringComparison.Ordinal);
    }

    private async Task<string> DeclareAsync()
    {
        await Bot.ReplyAsync("create Checkout returns 500s");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
