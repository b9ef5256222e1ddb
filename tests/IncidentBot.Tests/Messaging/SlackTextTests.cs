using IncidentBot.Slack;
using NodaTime;

namespace IncidentBot.Tests.Messaging;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> wake up", "&lt;!channel&gt; wake up")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("a & b > c", "a &amp; b &gt; c")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("ping <@U123ABC|ann> and <#C0OPS|ops>", "ping <@U123ABC|ann> and <#C0OPS|ops>")]
    [InlineData("<@U123ABC>", "<@U123ABC>")]
    [InlineData("<@U123ABC|<!channel>>", "&lt;@U123ABC|&lt;!channel&gt;&gt;")]
    public void User_text_cannot_inject_special_mentions_or_links_but_keeps_user_mentions(string input, string expected)
    {
        Assert.Equal(expected, SlackText.Escape(input));
    }

    [Theory]
    [InlineData("Checkout @here down", "Checkout @\u2060here down")]
    [InlineData("ask @dba and <@U123ABC|ann>", "ask @\u2060dba and <@U123ABC|ann>")]
    [InlineData("&lt;!channel&gt; mail@example.com", "&lt;!channel&gt; mail@\u2060example.com")]
    public void Defused_text_links_no_handle_in_a_link_names_message_but_keeps_user_mentions(string escaped, string expected)
    {
        Assert.Equal(expected, SlackText.Defuse(escaped));
    }

    [Fact]
    public void Truncation_is_visible_and_never_splits_a_surrogate_pair()
    {
        var cut = SlackText.Truncate(new string('a', 8) + "😀😀", 10);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 10);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }

    [Theory]
    [InlineData("abc &amp; def", 8, "abc …")]
    [InlineData("abc &amp; def", 10, "abc &amp;…")]
    [InlineData("see <@U123ABC> now", 12, "see …")]
    [InlineData("short", 250, "short")]
    public void Fitting_escaped_text_never_leaves_half_an_entity_or_a_mention(string mrkdwn, int max, string expected)
    {
        Assert.Equal(expected, SlackText.Fit(mrkdwn, max));
    }

    [Fact]
    public void Dates_are_slack_date_tokens_with_a_utc_fallback()
    {
        var at = Instant.FromUtc(2026, 11, 24, 3, 12);
        Assert.Equal("<!date^1795489920^{date_short_pretty} {time}|2026-11-24 03:12 UTC>", SlackText.Date(at));
    }

    [Theory]
    [InlineData(12, "12m")]
    [InlineData(125, "2h 05m")]
    [InlineData(3 * 24 * 60 + 250, "3d 4h")]
    public void Durations_read_like_people_say_them(int minutes, string expected)
    {
        Assert.Equal(expected, SlackText.Duration(Duration.FromMinutes(minutes)));
    }
}
