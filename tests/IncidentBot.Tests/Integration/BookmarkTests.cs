using IncidentBot.Bookmarks;
using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Integration;

/// <summary>The war room's bookmarks and call link through the real host, as Slack receives them.</summary>
public sealed class BookmarkTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private BotHost? bot;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_declaration_bookmarks_the_call_its_runbooks_and_the_postmortem()
    {
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?>
        {
            ["Incidents:CallUrl"] = "https://meet.example.com/{channel}?incident={id}",
            ["Incidents:PostmortemUrl"] = "https://wiki.example.com/postmortems/{id}",
            ["Incidents:Runbooks:SEV-1:0:Title"] = "Major outage",
            ["Incidents:Runbooks:SEV-1:0:Url"] = "https://wiki.example.com/runbooks/major-outage",
            ["Incidents:Runbooks:payments:0:Title"] = "Payments",
            ["Incidents:Runbooks:payments:0:Url"] = "https://wiki.example.com/runbooks/payments",
            ["Incidents:Runbooks:search:0:Title"] = "Search",
            ["Incidents:Runbooks:search:0:Url"] = "https://wiki.example.com/runbooks/search",
            ["Incidents:Runbooks:*:0:Title"] = "Every incident",
            ["Incidents:Runbooks:*:0:Url"] = "https://wiki.example.com/runbooks/incidents",
        });

        await bot.ReplyAsync("create Payments API returns 500s sev1");
        await bot.OutboxDrainedAsync();

        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        var bookmarks = slack.Bookmarks(room.Id);
        Assert.Equal(
            [
                ("📞 Call", $"https://meet.example.com/{room.Name}?incident=INC-1"),
                ("📖 Major outage", "https://wiki.example.com/runbooks/major-outage"),
                ("📖 Payments", "https://wiki.example.com/runbooks/payments"),
                ("📖 Every incident", "https://wiki.example.com/runbooks/incidents"),
                ("📝 Post-mortem", "https://wiki.example.com/postmortems/INC-1"),
            ],
            bookmarks.Select(b => (b.Title, b.Link)).ToList());
        Assert.All(bookmarks, b => Assert.Equal("link", b.Type));
        var declaration = slack.Messages(room.Id)[0];
        Assert.Contains($"📞 Call: <https://meet.example.com/{room.Name}?incident=INC-1|join the call>", Context(declaration), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_call_link_the_declaration_suggests_a_huddle_and_nothing_is_bookmarked()
    {
        bot = BotHost.Start(slack);

        await bot.ReplyAsync("create Checkout returns 500s sev2");
        await bot.OutboxDrainedAsync();

        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        Assert.Empty(slack.Bookmarks(room.Id));
        Assert.Empty(slack.Calls("bookmarks.add"));
        Assert.Contains("📞 No call link: start a huddle in this channel", Context(slack.Messages(room.Id)[0]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Incidents:CallUrl", "meet.example.com/{channel}", "Incidents:CallUrl 'meet.example.com/{channel}' is not an absolute http(s) address (placeholders: {id}, {channel}).")]
    [InlineData("Incidents:Runbooks:SEV-1:0:Url", "ftp://wiki/runbook", "Incidents:Runbooks:SEV-1:0:Url 'ftp://wiki/runbook' is not an absolute http(s) address (placeholders: {id}, {channel}).")]
    public void A_link_that_is_no_http_address_is_one_line_at_start(string setting, string value, string expected)
    {
        var incidents = new IncidentsOptions();
        var runbooks = new RunbooksOptions();
        if (setting == "Incidents:CallUrl")
        {
            incidents.CallUrl = value;
        }
        else
        {
            runbooks.Runbooks["SEV-1"] = [new() { Title = "Outage", Url = value }];
        }

        var result = new BookmarksOptionsValidator(Options.Create(incidents)).Validate(null, runbooks);

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    /// <summary>The context lines of a message, as Slack shows them under it.</summary>
    private static string Context(FakeMessage message) =>
        string.Join("\n", message.Blocks!.Where(b => (string?)b!["type"] == "context").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e!["text"]));
}
