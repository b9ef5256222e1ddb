using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.People;
using IncidentBot.Slack;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Typed times are read in the typist's Slack time zone (users.info <c>tz</c>, cached), UTC only when Slack cannot say;
/// and a declaration form that cannot be processed says so in the form. The fake's people live in Europe/Berlin
/// (UTC+1 in November) unless seeded otherwise.
/// </summary>
public sealed class TypedTimeTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 14, 0));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task Started_reads_a_bare_time_in_the_typists_zone_and_echoes_it_back_in_that_zone()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");

        var reply = await Bot.ReplyAsync("started 14:05", channel: room);

        Assert.Contains("Impact on INC-1 started 14:05 Europe/Berlin (13:05 UTC); time to detect: 55m.", reply, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 5), Bot.Store.Find(new IncidentId(1))!.ImpactStartedAt);
    }

    [Fact]
    public async Task Each_typist_has_their_own_zone_and_an_explicit_offset_still_wins()
    {
        Slack.AddUser(BotHost.Reporter, "rita", "America/New_York");
        var room = await DeclareAsync("create Checkout returns 500s sev2");

        var local = await Bot.ReplyAsync("started 08:30", channel: room);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 30), Bot.Store.Find(new IncidentId(1))!.ImpactStartedAt);
        var offset = await Bot.ReplyAsync("started 13:45 +00:00", channel: room);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 45), Bot.Store.Find(new IncidentId(1))!.ImpactStartedAt);

        Assert.Contains("started 08:30 America/New_York (13:30 UTC)", local, StringComparison.Ordinal);
        Assert.Contains("started 08:45 America/New_York (13:45 UTC)", offset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zone_is_looked_up_once_an_hour_and_utc_is_the_fallback_when_slack_cannot_say()
    {
        var room = await DeclareAsync("create Checkout returns 500s sev2");
        Slack.ErrorNext("users.info", "user_not_found");

        var fallback = await Bot.ReplyAsync("started 13:10", channel: room);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 10), Bot.Store.Find(new IncidentId(1))!.ImpactStartedAt);
        clock.AdvanceMinutes(2);
        await Bot.ReplyAsync("started 14:20", channel: room);
        await Bot.ReplyAsync("started 14:25", channel: room);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 25), Bot.Store.Find(new IncidentId(1))!.ImpactStartedAt);
        var lookups = Slack.Calls("users.info").Count(c => (string?)c.Args["user"] == BotHost.Reporter);
        clock.AdvanceMinutes(61);
        await Bot.ReplyAsync("started 14:30", channel: room);

        Assert.Contains("started 13:10 UTC", fallback, StringComparison.Ordinal);
        Assert.Contains("Slack did not tell me your time zone, so times without an offset are UTC.", fallback, StringComparison.Ordinal);
        Assert.Equal(2, lookups);
        Assert.Equal(3, Slack.Calls("users.info").Count(c => (string?)c.Args["user"] == BotHost.Reporter));
    }

    [Fact]
    public async Task The_declaration_forms_impact_start_is_in_the_typists_zone()
    {
        var open = await Bot.ReplyAsync("create");
        var view = (await Slack.WaitForCallAsync("views.open")).Args["view"]!.ToJsonString();
        using var response = await Bot.InteractionAsync(DeclarationForm.Submission("Checkout returns 500s", started: "14:05"));

        Assert.Contains("Impact started (your Slack time zone unless an offset is given)", view, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("form", open, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 13, 5), Assert.Single(Bot.Store.ListOpen()).ImpactStartedAt);
    }

    [Theory]
    [InlineData("١٥m ago")]
    [InlineData("١٤:٠٥")]
    [InlineData("99999999999999999999m ago")]
    public async Task An_impact_start_it_cannot_read_keeps_the_form_open_with_the_error_on_the_field(string started)
    {
        using var response = await Bot.InteractionAsync(DeclarationForm.Submission("Checkout returns 500s", started: started));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("errors", (string?)json["response_action"]);
        Assert.Contains("in your time zone, Europe/Berlin, unless an offset is given", (string?)json["errors"]!["started"], StringComparison.Ordinal);
        Assert.Empty(Bot.Store.ListOpen());
    }

    [Fact]
    public async Task A_declaration_form_whose_processing_fails_says_so_in_the_form_rather_than_closing()
    {
        await using var bot = BotHost.Start(Slack, clock: clock, services: s => s.AddSingleton<IPeopleDirectory, BrokenDirectory>());

        using var response = await bot.InteractionAsync(DeclarationForm.Submission("Checkout returns 500s", started: "14:05"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("errors", (string?)json["response_action"]);
        Assert.Contains("this form was not processed", (string?)json["errors"]!["title"], StringComparison.Ordinal);
        Assert.Empty(bot.Store.ListOpen());
    }

    private async Task<string> DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    /// <summary>A directory whose store of people is gone: every lookup throws, as a bug or a broken disk would.</summary>
    private sealed class BrokenDirectory : IPeopleDirectory
    {
        public Task<Person?> FindAsync(SlackUserId user, CancellationToken cancellationToken) => throw new IOException("disk unreadable");
    }
}
