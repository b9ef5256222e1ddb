using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>The App Home tab through the real host: published with views.publish when opened and after each change.</summary>
public sealed class AppHomeTests : BotTest
{
    private const string Engineer = "U0ENGINEER";
    private int nextEvent;

    [Fact]
    public async Task Opening_the_home_tab_publishes_the_open_incidents_and_a_change_republishes_it()
    {
        await Bot.ReplyAsync("create Checkout down sev2");
        await Bot.OutboxDrainedAsync();
        var room = Bot.Store.Find(new IncidentBot.Incidents.IncidentId(1))!.WarRoom.ChannelId!;

        await OpenHomeAsync(Engineer);

        var first = await Slack.WaitForCallAsync("views.publish", c => (string?)c.Args["user_id"] == Engineer);
        Assert.Equal("home", (string?)first.Args["view"]!["type"]);
        var shown = Text(first);
        Assert.Contains("*INC-1* SEV-2 · investigating", shown, StringComparison.Ordinal);
        Assert.Contains($"IC <@{BotHost.Reporter}>", shown, StringComparison.Ordinal);
        Assert.Contains("Checkout down", shown, StringComparison.Ordinal);
        Assert.Matches(@"investigating · \d+m ·", shown);

        await Bot.ReplyAsync("severity sev1", channel: room);

        var after = await Slack.WaitForCallAsync("views.publish", c => (string?)c.Args["user_id"] == Engineer && Text(c).Contains("*INC-1* SEV-1", StringComparison.Ordinal));
        Assert.Equal("home", (string?)after.Args["view"]!["type"]);
    }

    [Fact]
    public async Task A_private_incident_is_absent_from_the_home_of_someone_not_in_it()
    {
        await Bot.ReplyAsync("create Payroll data exposed sev2 --private");
        await Bot.OutboxDrainedAsync();

        await OpenHomeAsync(Engineer);
        await OpenHomeAsync(BotHost.Reporter);

        var strangers = await Slack.WaitForCallAsync("views.publish", c => (string?)c.Args["user_id"] == Engineer);
        var members = await Slack.WaitForCallAsync("views.publish", c => (string?)c.Args["user_id"] == BotHost.Reporter);
        Assert.DoesNotContain("INC-1", Text(strangers), StringComparison.Ordinal);
        Assert.DoesNotContain("Payroll", Text(strangers), StringComparison.Ordinal);
        Assert.Contains("No open incidents", Text(strangers), StringComparison.Ordinal);
        Assert.Contains("*INC-1*", Text(members), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_messages_tab_publishes_nothing()
    {
        await OpenHomeAsync(Engineer, tab: "messages");
        await OpenHomeAsync(BotHost.Reporter);

        await Slack.WaitForCallAsync("views.publish", c => (string?)c.Args["user_id"] == BotHost.Reporter);
        Assert.DoesNotContain(Slack.Calls("views.publish"), c => (string?)c.Args["user_id"] == Engineer);
    }

    private static string Text(RecordedCall publish) =>
        string.Join("\n", publish.Args["view"]!["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"] ?? ""));

    /// <summary>Slack's app_home_opened event, as its documentation shows it.</summary>
    private async Task OpenHomeAsync(string user, string tab = "home")
    {
        var ev = new JsonObject { ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0" + user[2..], ["tab"] = tab, ["event_ts"] = "1700000000.000100" };
        using var response = await Bot.EventAsync("EvHome" + Interlocked.Increment(ref nextEvent).ToString(CultureInfo.InvariantCulture), ev);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
