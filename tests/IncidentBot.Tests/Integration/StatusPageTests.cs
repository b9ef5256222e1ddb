using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.StatusPages;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary><c>/incident statuspage</c> through the real host: the prefilled form, the hand-over to the comms channel, the event.</summary>
public sealed class StatusPageTests : BotTest
{
    private const string Comms = "U0COMMS";
    private readonly RecordingSink events = new();

    [Fact]
    public async Task The_comms_lead_gets_customer_wording_and_the_submitted_text_reaches_the_status_channel_timeline_and_event()
    {
        var status = Slack.AddChannel("status-page-drafts").Id;
        await using var bot = Start(status);
        var room = await DeclareAsync(bot, "create Checkout returns 500s sev1");
        await bot.ReplyAsync($"comms <@{Comms}>", channel: room);

        var reply = await bot.ReplyAsync("statuspage", user: Comms, channel: room);
        var open = await Slack.WaitForCallAsync("views.open");
        var view = open.Args["view"]!;
        var prefilled = (string)view["blocks"]![1]!["element"]!["initial_value"]!;
        using var submitted = await bot.InteractionAsync(Submission((string)view["private_metadata"]!, "Investigating: some customers cannot pay. Next update by 15:00 UTC.", Comms));
        await bot.OutboxDrainedAsync();

        Assert.Contains("Opening the status-page draft of INC-1", reply, StringComparison.Ordinal);
        Assert.Equal(StatusPageHandler.ModalCallbackId, (string?)view["callback_id"]);
        Assert.StartsWith("Investigating: some users may see errors or slowness.", prefilled, StringComparison.Ordinal);
        Assert.Contains("We will post an update by ", prefilled, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHost.Reporter, prefilled, StringComparison.Ordinal);
        Assert.DoesNotContain(Comms, prefilled, StringComparison.Ordinal);
        Assert.DoesNotContain(room, prefilled, StringComparison.Ordinal);
        Assert.DoesNotContain("Checkout returns 500s", prefilled, StringComparison.Ordinal);

        var posted = Assert.Single(Slack.Messages(status));
        Assert.Contains("Investigating: some customers cannot pay.", IncidentCommandTests.Flatten(posted), StringComparison.Ordinal);
        Assert.Contains("Status-page draft · INC-1 · investigating", IncidentCommandTests.Flatten(posted), StringComparison.Ordinal);
        var incident = bot.Store.Find(new IncidentId(1))!;
        Assert.Contains(bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.StatusPage && e.Actor.Value == Comms && e.Text.StartsWith("Investigating: some customers", StringComparison.Ordinal));
        var (eventType, data) = Assert.Single(events.Events);
        Assert.Equal("statuspage.draft", eventType);
        Assert.Equal("investigating", (string?)data["status"]);
        Assert.Equal(Comms, (string?)data["drafted_by"]);
    }

    [Fact]
    public async Task The_form_follows_the_status_and_someone_without_the_role_is_refused()
    {
        await using var bot = Start(statusChannel: "");
        var room = await DeclareAsync(bot, "create Checkout returns 500s sev2");
        await bot.ReplyAsync("status monitoring", channel: room);

        var refused = await bot.ReplyAsync("statuspage", user: "U0SOMEONE", channel: room);
        await bot.ReplyAsync("statuspage", channel: room);
        var open = await Slack.WaitForCallAsync("views.open");

        Assert.Contains("only the comms lead or the incident commander can draft the status page of INC-1", refused, StringComparison.Ordinal);
        Assert.Single(Slack.Calls("views.open"));
        Assert.StartsWith("Monitoring: a fix is in place", (string)open.Args["view"]!["blocks"]![1]!["element"]!["initial_value"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_status_channel_the_draft_goes_to_the_war_room_and_a_stale_form_from_a_former_comms_lead_is_refused()
    {
        await using var bot = Start(statusChannel: "");
        var room = await DeclareAsync(bot, "create Checkout returns 500s sev2");
        await bot.ReplyAsync($"comms <@{Comms}>", channel: room);
        await bot.ReplyAsync("comms <@U0OTHER>", channel: room);

        using var stale = await bot.InteractionAsync(Submission("1", "Investigating: checkout errors.", Comms));
        using var fine = await bot.InteractionAsync(Submission("1", "Investigating: checkout errors.", BotHost.Reporter));
        await bot.OutboxDrainedAsync();

        var errors = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)errors["response_action"]);
        Assert.Contains(Slack.Messages(room), m => IncidentCommandTests.Flatten(m).Contains("Status-page draft · INC-1", StringComparison.Ordinal));
        Assert.Single(events.Events);
    }

    [Fact]
    public async Task A_drills_draft_stays_in_its_war_room_and_says_drill()
    {
        var status = Slack.AddChannel("status-page-drafts").Id;
        await using var bot = Start(status);
        await bot.ReplyAsync("drill Database failover sev1");
        await bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("drill-", StringComparison.Ordinal)).Id;

        using var submitted = await bot.InteractionAsync(Submission("1", "Investigating: the database is failing over.", BotHost.Reporter));
        await bot.OutboxDrainedAsync();

        Assert.Empty(Slack.Messages(status));
        var draft = Assert.Single(Slack.Messages(room), m => IncidentCommandTests.Flatten(m).Contains("Status-page draft", StringComparison.Ordinal));
        Assert.Contains("DRILL", IncidentCommandTests.Flatten(draft), StringComparison.Ordinal);
        Assert.True((bool?)Assert.Single(events.Events).Data["drill"]);
    }

    private BotHost Start(string statusChannel) =>
        BotHost.Start(Slack, settings: new Dictionary<string, string?> { ["Incidents:StatusPageChannel"] = statusChannel }, services: s => s.AddSingleton<IIncidentEventSink>(events));

    private async Task<string> DeclareAsync(BotHost bot, string text)
    {
        await bot.ReplyAsync(text);
        await bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    internal static JsonObject Submission(string metadata, string text, string user)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = user;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = StatusPageHandler.ModalCallbackId;
        view["private_metadata"] = metadata;
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [StatusPageHandler.TextBlock] = new JsonObject { ["statuspage_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } },
            },
        };
        return payload;
    }

    private sealed class RecordingSink : IIncidentEventSink
    {
        public ConcurrentQueue<(string Type, JsonObject Data)> Events { get; } = new();

        public IEnumerable<OutboxMessage> Emit(Incident incident, string eventType, JsonObject data, Instant now)
        {
            Events.Enqueue((eventType, data));
            return [];
        }
    }
}
