using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary><c>/incident create &lt;text&gt;</c>: only a trailing token sets the severity, and <c>--private</c> declares privately.</summary>
public sealed class DeclarationTextTests : BotTest
{
    [Fact]
    public async Task A_word_in_the_title_is_never_a_severity_and_the_answer_says_how_to_change_the_default()
    {
        var reply = await Bot.ReplyAsync("create Critical path latency up");
        await Bot.OutboxDrainedAsync();

        Assert.Contains("Declaring *INC-1* (SEV-3): Critical path latency up\n", reply, StringComparison.Ordinal);
        Assert.Contains("No severity at the end of the text, so SEV-3, the default. Wrong severity? `/incident severity INC-1 SEV-2`", reply, StringComparison.Ordinal);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(("Critical path latency up", "SEV-3"), (incident.Title, incident.Severity));
        Assert.Contains(Slack.Channels, c => c.Name.EndsWith("-critical-path-latency-up", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("create Major outage in EU sev3", "Major outage in EU", "SEV-3")]
    [InlineData("create Checkout down severity=2", "Checkout down", "SEV-2")]
    [InlineData("create \"API High Error Rate\" severity=2", "API High Error Rate", "SEV-2")]
    [InlineData("create Login slow for minor accounts P0", "Login slow for minor accounts", "SEV-1")]
    [InlineData("create p1 Login slow", "p1 Login slow", "SEV-3")]
    [InlineData("create Queue backlog SEV-4", "Queue backlog", "SEV-4")]
    [InlineData("create ok so checkout is down again??? SEV 1", "ok so checkout is down again???", "SEV-1")]
    [InlineData("create Checkout down severity 2", "Checkout down", "SEV-2")]
    [InlineData("create Checkout down p 0 --private", "Checkout down", "SEV-1")]
    [InlineData("create Ship release 2", "Ship release 2", "SEV-3")]
    public async Task Only_a_trailing_token_sets_the_severity(string text, string title, string severity)
    {
        var reply = await Bot.ReplyAsync(text);

        Assert.Contains($"Declaring *INC-1* ({severity}): {title}\n", reply, StringComparison.Ordinal);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal((title, severity), (incident.Title, incident.Severity));
    }

    [Theory]
    [InlineData("create Checkout down sev9", "`sev9` is not a severity. Use one of SEV-1, SEV-2, SEV-3, SEV-4, or leave it out for SEV-3.")]
    [InlineData("create Checkout down severity=7", "`severity=7` is not a severity.")]
    [InlineData("create sev1", "An incident needs a title")]
    [InlineData("create --private", "An incident needs a title")]
    public async Task A_severity_that_names_none_or_a_missing_title_declares_nothing(string text, string expected)
    {
        var reply = await Bot.ReplyAsync(text);

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.Empty(Bot.Store.ListOpen());
    }

    [Theory]
    [InlineData("create Breach in auth --private")]
    [InlineData("create Breach in auth --private sev1")]
    [InlineData("create Breach in auth sev1 --PRIVATE")]
    [InlineData("create Breach in auth sev1 private")]
    [InlineData("create Breach in auth private sev1")]
    [InlineData("create Breach in auth Private")]
    [InlineData("create --private Breach in auth")]
    [InlineData("create --private Breach in auth sev1")]
    [InlineData("create Breach --private in auth")]
    [InlineData("create Breach in auth —private")]
    [InlineData("create –private Breach in auth p0")]
    public async Task The_private_flag_declares_a_private_incident_as_the_form_does(string text)
    {
        var reply = await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();

        Assert.Contains(": Breach in auth\nThe private war room", reply, StringComparison.Ordinal);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.True(incident.IsPrivate);
        Assert.Equal("Breach in auth", incident.Title);
        var room = Assert.Single(Slack.Channels, c => c.Name.EndsWith("-breach-in-auth", StringComparison.Ordinal));
        Assert.True(room.IsPrivate);
        Assert.Empty(Slack.Messages(Bot.AnnouncementChannel));
        Assert.DoesNotContain("Breach", await Bot.ReplyAsync("list", user: "U0OUTSIDER"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_private_stays_an_ordinary_title_word()
    {
        await Bot.ReplyAsync("create Leak of private keys");
        await Bot.OutboxDrainedAsync();

        Assert.False(Bot.Store.Find(new IncidentId(1))!.IsPrivate);
        Assert.Single(Slack.Messages(Bot.AnnouncementChannel));
    }

    [Fact]
    public async Task Under_a_P0_to_P3_scheme_severity_2_is_P2_and_the_answer_uses_the_configured_names()
    {
        var settings = new Dictionary<string, string?> { ["Incidents:DefaultSeverity"] = "P2", ["Incidents:Escalation:P0:0:After"] = "00:00:00", ["Incidents:Escalation:P0:0:Notify:0"] = "@oncall" };
        for (var i = 0; i < 4; i++)
        {
            settings[$"Incidents:Severities:{i}:Name"] = $"P{i}";
            settings[$"Incidents:Severities:{i}:UpdateInterval"] = "00:30:00";
        }

        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = BotHost.Start(slack, settings: settings);

        var numbered = await bot.ReplyAsync("create Checkout down severity=2");
        var named = await bot.ReplyAsync("create Search slow p1");
        var none = await bot.ReplyAsync("create Critical path latency up");

        Assert.Contains("Declaring *INC-1* (P2): Checkout down\n", numbered, StringComparison.Ordinal);
        Assert.Contains("Wrong severity? `/incident severity INC-1 P1`", numbered, StringComparison.Ordinal);
        Assert.Contains("Declaring *INC-2* (P1): Search slow\n", named, StringComparison.Ordinal);
        Assert.Contains("No severity at the end of the text, so P2, the default.", none, StringComparison.Ordinal);
    }
}
