using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using IncidentBot.People;
using IncidentBot.Postmortems;
using IncidentBot.Slack;
using Markdig;
using NodaTime;

namespace IncidentBot.Tests.Postmortems;

/// <summary>
/// Hostile user text through the post-mortem's one escaping path, judged by what a Markdown renderer makes of it (Markdig
/// with the GitHub extensions, as a wiki would): no link but to an http(s) or mailto address the author linked in Slack,
/// no image, no HTML tag but the line breaks the bot writes, and every table row keeps its columns.
/// </summary>
public sealed partial class HostileMarkdownTests
{
    private static readonly MarkdownPipeline Wiki = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly Instant Declared = Instant.FromUtc(2026, 11, 24, 3, 12);
    private static readonly Severity Sev = new("SEV-1", [], "Critical", Duration.FromMinutes(15), true, 0);

    public static TheoryData<string> Hostile() =>
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "![pixel](https://evil.example/track.png)",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        "[x](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "<script>alert(1)</script><img src=x onerror=alert(1)>",
        "<https://ok.example|x](javascript:alert(1))[y>",
        "<https://ok.example|label\n](javascript:alert(1))>",
        "!<https://evil.example/track.png|pixel>",
        "<https://ok.example/[x](javascript:alert(1))>",
        "<https://ok.example/)![i](data:x)|fine>",
        "<javascript:alert(1)|innocent>",
        "<@U0LEAD|x](javascript:alert(1))>",
        "<#C0OPS|[ops](javascript:alert(1))>",
        "<!subteam^S1|[sre](javascript:alert(1))>",
        "[[nested](javascript:alert(1))](https://ok.example)",
        "\\[x\\](javascript:alert(1))",
        "\\\\[x](javascript:alert(1))",
        "`[x](javascript:alert(1))` and ``code`` `",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "a | b | c",
        "~~~\nfenced",
        "# heading\n- list",
        "&#91;x&#93;&#40;javascript:alert(1)&#41;",
        "[x](<javascript:alert(1)>)",
        "[x]( javascript:alert(1) \"t\")",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_in_every_field_renders_inert(string hostile)
    {
        var incident = Incident.Declare(new IncidentId(9), "Title " + hostile, Sev, hostile, false, new ResponderId("U0IC"), "CGENERAL", "inc-9", Declared);
        incident.PostUpdate(hostile, Sev, new ResponderId("U0IC"), Declared + Duration.FromMinutes(1));
        incident.AddActionItem(hostile, null, null, new ResponderId("U0IC"), Declared + Duration.FromMinutes(2));
        incident.Resolve(hostile, new ResponderId("U0IC"), Declared + Duration.FromMinutes(3));
        var note = new ScribeNote { IncidentId = incident.Id, Author = new ResponderId("U0LEAD"), Text = hostile, WrittenAt = Declared + Duration.FromMinutes(2), AddedBy = new ResponderId("U0LEAD"), Permalink = "javascript:alert(1)" };

        var draft = PostmortemRendererTests.Renderer().Render(incident, incident.Recorded, [note], Declared + Duration.FromHours(1), PersonNames.None);

        AssertInert(Markdown.ToHtml(draft, Wiki));
        AssertTablesKeepTheirColumns(draft);
    }

    [Fact]
    public async Task A_hostile_display_name_stays_a_name()
    {
        var names = await PersonNames.LookUpAsync(new Directory("x](javascript:alert(1)) ![i](https://evil.example/i.png) <b>"), ["U0LEAD"], CancellationToken.None);

        var html = Markdown.ToHtml($"| {MarkdownText.User(new ResponderId("U0LEAD"), names)} | {MarkdownText.Cell("ask <@U0LEAD>", names)} |\n|---|---|\n", Wiki);

        AssertInert(html);
    }

    [Theory]
    [InlineData("<https://status.example.com|status page>", "https://status.example.com")]
    [InlineData("<http://old.example/a_(b)|old>", "http://old.example/a_%28b%29")]
    [InlineData("<mailto:sre@example.com|mail us>", "mailto:sre@example.com")]
    [InlineData("<https://example.com/x?a=1&amp;b=2>", "https://example.com/x?a=1&amp;b=2")]
    public void A_link_the_author_wrote_in_slack_stays_live(string text, string href)
    {
        var html = Markdown.ToHtml(MarkdownText.Inline(text), Wiki);

        Assert.Equal([href], Hrefs(html));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData(" https://example.com")]
    public void A_link_to_any_other_address_keeps_only_its_label(string address) =>
        Assert.Equal("message", MarkdownText.Link("message", address));

    private static void AssertInert(string html)
    {
        Assert.All(Hrefs(html), href => Assert.Matches("^(https?://|mailto:)", href));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:alert(1)\"", html, StringComparison.OrdinalIgnoreCase);
        var tags = Tag().Matches(html).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct();
        Assert.All(tags, tag => Assert.Contains(tag, Allowed));
    }

    private static readonly string[] Allowed = ["h1", "h2", "p", "em", "strong", "table", "thead", "tbody", "tr", "th", "td", "a", "br", "blockquote", "code"];

    private static void AssertTablesKeepTheirColumns(string draft)
    {
        foreach (var table in draft.Split("\n\n").Select(b => b.Split('\n')).Where(lines => lines[0].StartsWith('|')))
        {
            var columns = Cells(table[0]);
            Assert.All(table, row => Assert.Equal(columns, Cells(row)));
        }
    }

    private static int Cells(string row) => UnescapedPipe().Count(row);

    private static List<string> Hrefs(string html) => [.. Href().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    private sealed class Directory(string name) : IPeopleDirectory
    {
        public Task<Person?> FindAsync(SlackUserId user, CancellationToken cancellationToken) => Task.FromResult<Person?>(new Person(user.Value, name, null));
    }
}
