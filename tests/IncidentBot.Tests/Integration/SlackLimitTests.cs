using IncidentBot.Slack;

namespace IncidentBot.Tests.Integration;

/// <summary>Text that people type never pushes a Web API call past Slack's limits: it is cut to fit, as Slack counts.</summary>
public sealed class SlackLimitTests : BotTest
{
    [Fact]
    public async Task A_title_full_of_ampersands_and_brackets_still_gets_a_topic_cut_to_250_characters_as_sent()
    {
        // 143 characters typed (within the title limit), over 300 once escaped: what Slack counts is the escaped text it receives.
        var title = string.Concat(Enumerable.Repeat("R&D <EU> ", 16)).Trim();
        await Bot.ReplyAsync($"create {title} sev2");
        await Eventually.TrueAsync(() => Slack.Channels.Any(c => c.Name.StartsWith("inc-", StringComparison.Ordinal) && c.Topic.Length > 0), "the war room's topic to be set");
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal));

        Assert.StartsWith("INC-1 · SEV-2 · investigating · R&amp;D &lt;EU&gt; R&amp;D", room.Topic, StringComparison.Ordinal);
        Assert.EndsWith("…", room.Topic, StringComparison.Ordinal);
        Assert.InRange(room.Topic.Length, SlackLimits.Topic - 10, SlackLimits.Topic);
    }
}
