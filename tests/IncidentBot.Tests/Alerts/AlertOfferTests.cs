using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Alerts;
using IncidentBot.Incidents;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Alerts;

/// <summary>With <c>Alerts:AutoDeclare</c> off an alert asks people first: a button in the incidents channel opens the filled-in form.</summary>
public sealed class AlertOfferTests : IAsyncLifetime
{
    private const string Clicker = "U0ONCALL01";
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        bot = BotHost.Start(slack, settings: AlertHost.Settings(autoDeclare: false));
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task Without_AutoDeclare_an_alert_posts_a_Declare_button_and_clicking_it_declares_as_the_clicker()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json");

        using var offered = await AlertHost.PagerDutyAsync(bot, body);
        using var repeat = await AlertHost.PagerDutyAsync(bot, body);
        await bot.OutboxDrainedAsync();

        Assert.Equal("offered", (string?)(await AlertHost.JsonAsync(offered))["outcome"]);
        Assert.Empty(bot.Store.ListOpen());
        var offer = Assert.Single(slack.Messages(bot.AnnouncementChannel));
        var button = offer.Blocks!.Select(b => b!["elements"]?[0]).Single(e => (string?)e?["action_id"] == AlertOfferHandler.DeclareAction)!;
        Assert.Equal("Declare incident", (string?)button["text"]!["text"]);

        using var click = await bot.InteractionAsync(Click(bot.AnnouncementChannel, offer.Ts, (string)button["value"]!));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var view = slack.Calls("views.open").Single().Args;
        var form = view["view"] as JsonObject ?? JsonNode.Parse((string)view["view"]!)!.AsObject();
        Assert.Equal(AlertOfferHandler.ModalCallbackId, (string?)form["callback_id"]);
        var blocks = form["blocks"]!.AsArray();
        Assert.Contains(blocks, b => (string?)b!["element"]?["initial_value"] == "Checkout API error rate above 5%");
        Assert.Contains(blocks, b => (string?)b!["element"]?["initial_option"]?["value"] == "SEV-2");
        Assert.Equal($"{button["value"]} {bot.AnnouncementChannel} {offer.Ts}", (string?)form["private_metadata"]);

        using var submitted = await bot.InteractionAsync(Submission((string)form["private_metadata"]!, "Checkout API errors", "SEV-2"));
        using var later = await AlertHost.PagerDutyAsync(bot, body);
        await bot.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var incident = Assert.Single(bot.Store.ListOpen());
        Assert.Equal("Checkout API errors", incident.Title);
        Assert.Equal("SEV-2", incident.Severity);
        Assert.Equal(new ResponderId(Clicker), incident.Holder(IncidentRole.Commander));
        Assert.Contains(Clicker, slack.Channel(incident.WarRoom.ChannelId!).Members);
        Assert.Equal("linked", (string?)(await AlertHost.JsonAsync(later))["outcome"]);
        Assert.Equal(2, bot.Store.Timeline(incident.Id).Count(e => e.Kind == TimelineKind.Alert));
        var closed = slack.Messages(bot.AnnouncementChannel).Single(m => m.Ts == offer.Ts);
        Assert.NotNull(closed.EditedTs);
        Assert.StartsWith($"✅ *PagerDuty PGR0VU2*: *Checkout API error rate above 5%* was declared as *INC-1* (SEV-2) by <@{Clicker}>.", closed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Blocks!, b => (string?)b!["type"] == "actions");

        // A second click after the declaration declares nothing more.
        using var again = await bot.InteractionAsync(Submission((string)form["private_metadata"]!, "Checkout API errors", "SEV-2"));
        Assert.Single(bot.Store.ListOpen());
    }

    [Fact]
    public async Task An_alert_that_resolves_before_anyone_declared_is_offered_afresh_when_it_fires_again()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json");

        using var offered = await AlertHost.PagerDutyAsync(bot, body);
        await bot.OutboxDrainedAsync();
        using var resolved = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-resolved.json"));
        using var again = await AlertHost.PagerDutyAsync(bot, body);
        await bot.OutboxDrainedAsync();

        Assert.Equal("ignored", (string?)(await AlertHost.JsonAsync(resolved))["outcome"]);
        Assert.Equal("offered", (string?)(await AlertHost.JsonAsync(again))["outcome"]);
        var posts = slack.Messages(bot.AnnouncementChannel);
        Assert.Equal(2, posts.Count);
        Assert.DoesNotContain(posts[0].Blocks!, b => (string?)b!["type"] == "actions");
        Assert.Contains(posts[1].Blocks!, b => (string?)b!["type"] == "actions");
        Assert.Empty(bot.Store.ListOpen());
    }

    [Fact]
    public async Task A_withdrawal_edits_the_post_of_the_offering_it_withdraws_not_an_earlier_one_of_the_same_alert()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json");
        var resolve = AlertHost.Fixture("pagerduty-incident-resolved.json");

        // Slack holds the first post while the alert resolves and fires again: that post belongs to a withdrawn offering
        // (it keeps its button; a click on it is the next offering's), and the next resolve edits the next post only.
        var time = new TestTime();
        await using var held = await FakeSlackApi.StartAsync(time);
        await using var host = BotHost.Start(held, settings: AlertHost.Settings(autoDeclare: false));
        held.DelayNext("chat.postMessage", TimeSpan.FromSeconds(1));
        using var offered = await AlertHost.PagerDutyAsync(host, body);
        await held.WaitForCallAsync("chat.postMessage");
        using var resolved = await AlertHost.PagerDutyAsync(host, resolve);
        using var again = await AlertHost.PagerDutyAsync(host, body);
        time.Advance(TimeSpan.FromSeconds(1));
        await host.OutboxDrainedAsync();
        using var resolvedAgain = await AlertHost.PagerDutyAsync(host, resolve);
        await host.OutboxDrainedAsync();

        var posts = held.Messages(host.AnnouncementChannel);
        Assert.Equal(2, posts.Count);
        var edit = Assert.Single(held.Calls("chat.update"));
        Assert.Equal(posts[1].Ts, (string?)edit.Args["ts"]);
        Assert.Contains("nothing to do", posts[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_offer_says_so_without_its_button_and_a_click_on_the_old_button_is_answered()
    {
        using var offered = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-triggered.json"));
        await bot.OutboxDrainedAsync();
        var offer = Assert.Single(slack.Messages(bot.AnnouncementChannel));
        var value = (string)offer.Blocks!.Select(b => b!["elements"]?[0]).Single(e => (string?)e?["action_id"] == AlertOfferHandler.DeclareAction)!["value"]!;

        using var resolved = await AlertHost.PagerDutyAsync(bot, AlertHost.Fixture("pagerduty-incident-resolved.json"));
        await bot.OutboxDrainedAsync();

        var withdrawn = Assert.Single(slack.Messages(bot.AnnouncementChannel));
        Assert.Equal(offer.Ts, withdrawn.Ts);
        Assert.NotNull(withdrawn.EditedTs);
        Assert.Contains("resolved at the source before anyone declared; nothing to do", withdrawn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(withdrawn.Blocks!, b => (string?)b!["type"] == "actions");

        // A client that has not refreshed still shows the button: its click is answered, where it was made.
        using var click = await bot.InteractionAsync(Click(bot.AnnouncementChannel, offer.Ts, value));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var answer = Assert.Single(slack.Ephemerals(bot.AnnouncementChannel));
        Assert.Equal((Clicker, AlertOfferHandler.StaleOffer), (answer.User, answer.Text));
        Assert.Empty(slack.Calls("views.open"));
        Assert.Empty(bot.Store.ListOpen());
    }

    private static JsonObject Click(string channel, string messageTs, string value)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/BlockActionPayload.json"))!.AsObject();
        payload["user"]!["id"] = Clicker;
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        payload["container"]!["message_ts"] = messageTs;
        payload["trigger_id"] = "12466734323.1395872398.alertdeclare";
        var action = payload["actions"]![0]!.AsObject();
        action["action_id"] = AlertOfferHandler.DeclareAction;
        action["block_id"] = "alert_offer";
        action["value"] = value;
        action.Remove("selected_option");
        return payload;
    }

    private static JsonObject Submission(string metadata, string title, string severity)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = Clicker;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = AlertOfferHandler.ModalCallbackId;
        view["private_metadata"] = metadata;
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [AlertOfferHandler.TitleBlock] = new JsonObject { ["title_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = title } },
                [AlertOfferHandler.SeverityBlock] = new JsonObject { ["severity_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = severity } } },
            },
        };
        return payload;
    }
}
