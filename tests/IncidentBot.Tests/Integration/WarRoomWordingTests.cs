namespace IncidentBot.Tests.Integration;

/// <summary>What a commander reads in the war room at 3 a.m.: which way the severity went, a timeline without stutter, a channel name and topic that say what is true.</summary>
public sealed class WarRoomWordingTests : BotTest
{
    [Fact]
    public async Task A_severity_lowered_is_marked_as_lowered_and_one_raised_as_raised()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");

        await Bot.ReplyAsync("severity sev3", channel: room);
        await Bot.OutboxDrainedAsync();
        var lowered = IncidentCommandTests.Flatten(Slack.Messages(room)[^1]);
        await Bot.ReplyAsync("severity sev1", channel: room);
        await Bot.OutboxDrainedAsync();
        var raised = IncidentCommandTests.Flatten(Slack.Messages(room).Last(m => m.Text.Contains("Severity", StringComparison.Ordinal)));

        Assert.StartsWith("🔻 *Severity lowered* SEV-2 → *SEV-3*", lowered, StringComparison.Ordinal);
        Assert.DoesNotContain("🔺", lowered, StringComparison.Ordinal);
        Assert.StartsWith("🔺 *Severity raised* SEV-3 → *SEV-1*", raised, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_names_each_kind_once()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");
        await Bot.ReplyAsync("severity sev1", channel: room);
        await Bot.ReplyAsync("status identified", channel: room);
        await Bot.ReplyAsync("resolve Rolled back", channel: room);

        var timeline = await Bot.ReplyAsync("timeline", channel: room);

        Assert.Contains("*Declared* SEV-2: Checkout returns 500s", timeline, StringComparison.Ordinal);
        Assert.Contains("*Severity* SEV-2 → SEV-1", timeline, StringComparison.Ordinal);
        Assert.Contains("*Status* investigating → identified", timeline, StringComparison.Ordinal);
        Assert.Contains("*Resolved* Rolled back", timeline, StringComparison.Ordinal);
        foreach (var kind in new[] { "Declared", "Severity", "Status", "Resolved" })
        {
            Assert.DoesNotContain($"*{kind}* {kind}", timeline, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Markup_in_a_title_stays_out_of_the_channel_name()
    {
        await DeclareAsync("create &lt;b&gt;bold&lt;/b&gt; checkout down sev2");

        var room = Assert.Single(Slack.Channels, c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        Assert.Matches(@"^inc-\d{4}-\d{2}-\d{2}-bold-checkout-down$", room.Name);
    }

    [Fact]
    public async Task The_topic_says_closed_once_the_incident_is_closed()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");
        await Bot.ReplyAsync("resolve Rolled back", channel: room);
        await Bot.OutboxDrainedAsync();
        Assert.StartsWith("INC-1 · SEV-2 · resolved", Slack.Channel(room).Topic, StringComparison.Ordinal);

        await Bot.ReplyAsync("close", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.StartsWith("INC-1 · SEV-2 · closed", Slack.Channel(room).Topic, StringComparison.Ordinal);
        Assert.True(Slack.Channel(room).IsArchived);
        var topicSet = Slack.Calls("conversations.setTopic")[^1].At;
        Assert.True(topicSet <= Slack.Calls("conversations.archive")[^1].At, "the topic is set before the channel goes read-only");
    }

    private async Task<string> DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
