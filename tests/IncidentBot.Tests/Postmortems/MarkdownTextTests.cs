using IncidentBot.Postmortems;
using NodaTime;

namespace IncidentBot.Tests.Postmortems;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("ask <@U0LEAD|lee> now", "ask @lee now")]
    [InlineData("ask <@U0LEAD>", "ask @U0LEAD")]
    [InlineData("see <#C0OPS|ops> and <#C0WAR>", "see #ops and #C0WAR")]
    [InlineData("<!here> and <!subteam^S0SRE|@sre>", "@here and @sre")]
    [InlineData("next update due <!date^1795584420^{date_short_pretty} {time}|2026-11-24 03:27 UTC>", "next update due 2026-11-24 03:27 UTC")]
    [InlineData("<https://status.example.com|status page> or <https://example.com>", "[status page](https://status.example.com) or [https://example.com](https://example.com)")]
    [InlineData("<img src=x onerror=alert(1)> <b>bold</b>", "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;")]
    [InlineData("Slack's own &lt;escapes&gt; &amp; more", "Slack's own &lt;escapes&gt; &amp; more")]
    [InlineData("  first\r\n\nsecond\nthird  ", "first<br>second<br>third")]
    [InlineData("[x](javascript:alert(1)) `code` \\", "\\[x\\](javascript:alert(1)) \\`code\\` \\\\")]
    [InlineData("!<https://evil.example/i.png|pixel>", "\\![pixel](https://evil.example/i.png)")]
    [InlineData("<https://ok.example|x](javascript:alert(1))[y>", "[x\\](javascript:alert(1))\\[y](https://ok.example)")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("1. not a list, 2026-11-24 a date", "1\\. not a list, 2026-11-24 a date")]
    public void Slack_text_becomes_one_inert_readable_line(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Inline(text));

    [Fact]
    public void A_table_cell_escapes_the_pipe_so_it_cannot_add_a_column()
    {
        Assert.Equal("p50 \\| p99<br>both falling", MarkdownText.Cell("p50 | p99\nboth falling"));
    }

    [Fact]
    public void Times_are_utc_to_the_minute()
    {
        Assert.Equal("2026-11-24 03:12 UTC", MarkdownText.Time(Instant.FromUtc(2026, 11, 24, 3, 12, 59)));
    }
}
