using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>Impact start, drills, <c>/incident metrics</c>, the monthly review and <c>GET /metrics</c> through the real host.</summary>
public sealed class MetricsTests : BotTest
{
    private const string Token = "metrics-token-0123456789";
    /// <summary>The families of <c>GET /metrics</c> as the hand-written Prometheus text served them (README, Metrics).</summary>
    private static readonly string[] FamiliesServedBefore =
    [
        "incidentbot_incidents",
        "incidentbot_time_to_detect_seconds",
        "incidentbot_time_to_acknowledge_seconds",
        "incidentbot_time_to_identify_seconds",
        "incidentbot_time_to_resolve_seconds",
        "incidentbot_postmortems_required",
        "incidentbot_postmortems_done",
        "incidentbot_action_items",
        "incidentbot_action_items_done",
        "incidentbot_drills",
        "incidentbot_open_incidents",
    ];

    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 14, 0));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task Impact_start_acknowledgement_and_resolution_show_in_the_metrics()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");

        var started = await Bot.ReplyAsync("started 30m ago", channel: room);
        clock.AdvanceMinutes(3);
        await Bot.ReplyAsync("ack", channel: room);
        clock.AdvanceMinutes(7);
        await Bot.ReplyAsync("status identified", channel: room);
        clock.AdvanceMinutes(50);
        await Bot.ReplyAsync("resolve Rolled back", channel: room);
        var metrics = await Bot.ReplyAsync("metrics 30d");

        Assert.Contains("time to detect: 30m", started, StringComparison.Ordinal);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 30), incident.ImpactStartedAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 14, 3), incident.AcknowledgedAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 14, 10), incident.IdentifiedAt);
        Assert.Contains("*SEV-2* · 1 · detect 30m / 30m · ack 3m / 3m · identify 10m / 10m · resolve 1h 00m / 1h 00m", metrics, StringComparison.Ordinal);
        Assert.Contains("*Post-mortems done:* 0% (0 of 1 required)", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_declaration_form_takes_when_impact_started_and_keeps_the_form_open_on_a_bad_time()
    {
        using var bad = await Bot.InteractionAsync(DeclarationForm.Submission("Checkout returns 500s", started: "at lunch"));
        using var later = await Bot.InteractionAsync(DeclarationForm.Submission("Checkout returns 500s", started: "2026-11-24 16:00"));
        using var good = await Bot.InteractionAsync(DeclarationForm.Submission("Checkout returns 500s", started: "12:50 -01:00"));
        await Bot.OutboxDrainedAsync();

        Assert.NotNull(JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!["started"]);
        Assert.Contains("still to come", (string?)JsonNode.Parse(await later.Content.ReadAsStringAsync())!["errors"]!["started"], StringComparison.Ordinal);
        var incident = Assert.Single(Bot.Store.ListOpen());
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 50), incident.ImpactStartedAt);
    }

    [Fact]
    public async Task Bad_times_and_periods_are_answered_and_change_nothing()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");

        var unreadable = await Bot.ReplyAsync("started at lunch", channel: room);
        var later = await Bot.ReplyAsync("started 2026-11-24 16:00", channel: room);
        var period = await Bot.ReplyAsync("metrics last week");
        var month = await Bot.ReplyAsync("review november");

        Assert.Contains("is not a time I can read", unreadable, StringComparison.Ordinal);
        Assert.Contains("impact cannot start after the declaration", later, StringComparison.Ordinal);
        Assert.Contains("is not a period", period, StringComparison.Ordinal);
        Assert.Contains("Which month?", month, StringComparison.Ordinal);
        Assert.Null(Bot.Store.Find(new IncidentId(1))!.ImpactStartedAt);
    }

    [Fact]
    public async Task A_drill_says_drill_everywhere_is_announced_nowhere_and_stays_out_of_the_metrics()
    {
        var reply = await Bot.ReplyAsync("drill Database failover sev1");
        await Bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("drill-inc-", StringComparison.Ordinal));
        await Bot.ReplyAsync("status identified", channel: room.Id);
        await Bot.ReplyAsync("update Failed over to the replica", channel: room.Id);
        await Bot.ReplyAsync("resolve Failover works", channel: room.Id);
        await Bot.ReplyAsync("close", channel: room.Id);
        await Bot.OutboxDrainedAsync();
        var metrics = await Bot.ReplyAsync("metrics");

        Assert.Contains("DRILL *INC-1*", reply, StringComparison.Ordinal);
        Assert.Empty(Slack.Messages(Bot.AnnouncementChannel));
        Assert.StartsWith("DRILL · INC-1", Slack.Channel(room.Id).Topic, StringComparison.Ordinal);
        var posts = Slack.Messages(room.Id).Where(m => m.User == FakeSlackApi.BotUserId).ToList();
        Assert.True(posts.Count >= 5, $"{posts.Count} posts");
        Assert.All(posts, m => Assert.Contains("DRILL", IncidentCommandTests.Flatten(m), StringComparison.Ordinal));
        Assert.All(Slack.Files(room.Id), f => Assert.Contains("DRILL", f.InitialComment, StringComparison.Ordinal));
        Assert.Contains("0 incidents (1 drills left out)", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_shares_the_month_as_a_markdown_file_in_the_channel_it_was_asked_in()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev1");
        clock.AdvanceMinutes(45);
        await Bot.ReplyAsync("resolve Rolled back", channel: room);
        await Bot.OutboxDrainedAsync();

        var reply = await Bot.ReplyAsync("review 2026-11");
        await Bot.OutboxDrainedAsync();

        Assert.Contains("`incident-review-2026-11.md` will be shared here", reply, StringComparison.Ordinal);
        var file = Assert.Single(Slack.Files(Bot.General));
        Assert.Equal("incident-review-2026-11.md", file.Name);
        Assert.Contains($"as asked by <@{BotHost.Reporter}>", file.InitialComment, StringComparison.Ordinal);
        var review = Encoding.UTF8.GetString(file.Content!);
        Assert.StartsWith("# Incident review: November 2026\n", review, StringComparison.Ordinal);
        Assert.Contains("| INC-1 | SEV-1 | Checkout returns 500s | 2026-11-24 14:00 UTC | resolved | 0m | 45m | draft shared | 0 of 0 |", review, StringComparison.Ordinal);
        Assert.Contains(Bot.Store.AuditLog(null), a => a.Command == "/incident review 2026-11" && a.Outcome == "review 2026-11");
    }

    [Fact]
    public async Task Metrics_endpoint_serves_prometheus_text_only_with_the_token()
    {
        await using var bot = BotHost.Start(Slack, settings: new Dictionary<string, string?> { ["Metrics:AccessToken"] = Token }, clock: clock);
        await bot.ReplyAsync("create Checkout returns 500s sev2");
        await bot.ReplyAsync("drill Game day sev1");
        await bot.OutboxDrainedAsync();

        using var anonymous = await bot.Unsigned.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var wrong = await Scrape(bot, "not-the-token-at-all");
        using var scrape = await Scrape(bot, Token);
        using var off = await Bot.Unsigned.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType!.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE incidentbot_incidents gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_incidents{severity=\"SEV-2\",window=\"30d\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_incidents{severity=\"SEV-1\",window=\"30d\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_time_to_detect_seconds{severity=\"SEV-2\",statistic=\"mean\",window=\"30d\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_open_incidents{severity=\"SEV-2\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("incidentbot_drills{window=\"30d\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_endpoint_still_serves_every_family_the_hand_written_text_served()
    {
        await using var bot = BotHost.Start(Slack, settings: new Dictionary<string, string?> { ["Metrics:AccessToken"] = Token }, clock: clock);
        await bot.ReplyAsync("create Checkout returns 500s sev2");
        await bot.ReplyAsync("drill Game day sev1");
        await bot.OutboxDrainedAsync();
        var room = bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId!;
        await bot.ReplyAsync("ack", channel: room);
        await bot.ReplyAsync("status identified", channel: room);
        clock.AdvanceMinutes(20);
        await bot.ReplyAsync("resolve Rolled back", channel: room);
        await bot.OutboxDrainedAsync();

        using var scrape = await Scrape(bot, Token);
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.All(FamiliesServedBefore, name =>
        {
            Assert.Contains($"# TYPE {name} gauge\n", text, StringComparison.Ordinal);
            Assert.Matches($"(?m)^{name}{{[^}}]*}} [0-9]", text);
        });
    }

    private static Task<HttpResponseMessage> Scrape(BotHost bot, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return bot.Unsigned.SendAsync(request);
    }

    private async Task<string> DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
