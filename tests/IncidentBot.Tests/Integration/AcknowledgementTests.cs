using System.Text.Json.Nodes;
using IncidentBot.Acknowledgements;
using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Acknowledging and the response targets through the real host, on a <see cref="TestTime"/>: the scheduler sleeps on it,
/// so moving it fires what is due, and nothing here waits on the wall clock. Time moves only while the outbox is empty
/// (a Slack call in flight would time out on it). The SEV-1 target is the default 5 min.
/// </summary>
public sealed class AcknowledgementTests : IAsyncLifetime
{
    private const string Lead = "U0LEAD";
    private const string VpEngineering = "U0VPENG";
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync(time);
        bot = Start();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_SEV1_nobody_acknowledges_within_5_minutes_calls_in_the_next_step_at_once()
    {
        var room = await DeclareSev1Async();
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await ResponseTargetsDueAsync());

        time.Advance(TimeSpan.FromMinutes(1));
        // The scheduler set its timer when it last looked, which the test cannot see: wake it rather than guess.
        bot.Services.GetRequiredService<StoreSignals>().Incidents.Notify();
        await Eventually.TrueAsync(() => slack.DirectMessages(VpEngineering).Count == 1, "the next step's DM at 5 min");
        Assert.InRange(bot.Store.Find(new IncidentId(1))!.ResponseTargetMissedAt!.Value - bot.Store.Find(new IncidentId(1))!.DeclaredAt, NodaTime.Duration.FromMinutes(5), NodaTime.Duration.FromMinutes(6));
        await bot.OutboxDrainedAsync();

        var early = Assert.Single(bot.Store.Timeline(new IncidentId(1)), e => e.Text.StartsWith("Nobody acknowledged", StringComparison.Ordinal));
        Assert.Equal("Nobody acknowledged within the SEV-1 response target (5 min): escalation step 2 called in early: <@U0VPENG>", SlackTimelineText.Summary(early));
        Assert.Equal(2, Escalations(room).Count);
        Assert.Contains(VpEngineering, slack.Channel(room).Members);

        // Once: neither the target nor the step it brought forward fires again.
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, await ResponseTargetsDueAsync());
        Assert.Equal(0, await bot.Services.GetRequiredService<EscalationPolicy>().SendDueAsync());
        await bot.OutboxDrainedAsync();
        Assert.Single(slack.DirectMessages(VpEngineering));
    }

    [Fact]
    public async Task A_SEV1_acknowledged_at_3_minutes_does_not_escalate_when_the_target_passes()
    {
        var room = await DeclareSev1Async();
        time.Advance(TimeSpan.FromMinutes(3));

        var reply = await bot.ReplyAsync("ack", user: Lead, channel: room);
        await bot.OutboxDrainedAsync();
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, await ResponseTargetsDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Contains("Acknowledged INC-1, 3m after its declaration.", reply, StringComparison.Ordinal);
        var incident = bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(new ResponderId(Lead), incident.AcknowledgedBy);
        Assert.Null(incident.ResponseTargetMissedAt);
        Assert.Null(bot.Services.GetRequiredService<ResponseTargetPolicy>().NextDue());
        Assert.Empty(slack.DirectMessages(VpEngineering));
        Assert.Single(Escalations(room));
        Assert.Contains(slack.Messages(room), m => m.Text == "✅ *Acknowledged* INC-1 by <@U0LEAD>, 3m after the declaration");
    }

    [Fact]
    public async Task The_escalation_DM_button_acknowledges_as_the_person_who_clicks_it_and_a_second_click_changes_nothing()
    {
        var room = await DeclareSev1Async();
        var dm = Assert.Single(slack.DirectMessages(Lead));
        var button = Assert.Single(Buttons(dm));
        Assert.Equal(EscalationActions.Acknowledge, (string?)button["action_id"]);
        time.Advance(TimeSpan.FromMinutes(2));

        using var click = await bot.InteractionAsync(Click(dm, Lead));
        await Eventually.TrueAsync(() => slack.DirectMessages(Lead).Count == 2, "the answer in the DM");
        using var again = await bot.InteractionAsync(Click(dm, Lead));
        await Eventually.TrueAsync(() => slack.DirectMessages(Lead).Count == 3, "the second answer in the DM");
        await bot.OutboxDrainedAsync();

        Assert.True(click.IsSuccessStatusCode);
        var incident = bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(new ResponderId(Lead), incident.AcknowledgedBy);
        Assert.Equal(Acknowledger.Slack, incident.AcknowledgedVia);
        var entry = Assert.Single(bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.Acknowledged);
        Assert.Equal(new ResponderId(Lead), entry.Actor);
        Assert.StartsWith("Acknowledged INC-1, 2m after its declaration.", slack.DirectMessages(Lead)[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("INC-1 is already acknowledged, by <@U0LEAD> at <!date^", slack.DirectMessages(Lead)[2].Text, StringComparison.Ordinal);
        Assert.Single(slack.Messages(room), m => m.Text.StartsWith("✅ *Acknowledged*", StringComparison.Ordinal));

        // The notice stays, its button gone: nobody is left clicking a button that can do nothing more.
        var closed = slack.DirectMessages(Lead)[0];
        Assert.Equal(dm.Text, closed.Text);
        Assert.Empty(Buttons(closed));
        Assert.Equal(dm.Blocks!.Count, closed.Blocks!.Count);
        Assert.StartsWith("✅ Acknowledged by <@U0LEAD> at <!date^", (string?)closed.Blocks[^1]!["elements"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DM_button_clicked_after_someone_else_acknowledged_shows_who_did_and_a_refused_click_keeps_the_button()
    {
        var room = await DeclareSev1Async();
        var dm = Assert.Single(slack.DirectMessages(Lead));
        using var stranger = await bot.InteractionAsync(Click(dm, "U0STRANGER"));
        await Eventually.TrueAsync(() => slack.DirectMessages("U0STRANGER").Count == 1, "the refusal in a DM");
        await bot.OutboxDrainedAsync();
        Assert.Single(Buttons(slack.DirectMessages(Lead)[0]));

        await bot.ReplyAsync("ack", channel: room);
        await bot.OutboxDrainedAsync();
        using var late = await bot.InteractionAsync(Click(dm, Lead));
        await Eventually.TrueAsync(() => slack.DirectMessages(Lead).Count == 2, "the answer in the DM");
        await bot.OutboxDrainedAsync();

        Assert.StartsWith("INC-1 is already acknowledged, by <@", slack.DirectMessages(Lead)[1].Text, StringComparison.Ordinal);
        Assert.Empty(Buttons(slack.DirectMessages(Lead)[0]));
        Assert.StartsWith($"✅ Acknowledged by <@{BotHost.Reporter}>", (string?)slack.DirectMessages(Lead)[0].Blocks![^1]!["elements"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_with_no_standing_is_refused_and_told_who_can()
    {
        var room = await DeclareSev1Async();
        var dm = Assert.Single(slack.DirectMessages(Lead));

        var typed = await bot.ReplyAsync("ack INC-1", user: "U0STRANGER", channel: bot.General);
        using var click = await bot.InteractionAsync(Click(dm, "U0STRANGER"));
        await Eventually.TrueAsync(() => slack.DirectMessages("U0STRANGER").Count == 1, "the refusal in a DM");
        await bot.OutboxDrainedAsync();

        var refusal = $"Only the people called in to INC-1, its role holders, the people in its war room and incident admins can acknowledge it. Ask its commander <@{BotHost.Reporter}> to call you in";
        Assert.StartsWith(refusal, typed, StringComparison.Ordinal);
        Assert.StartsWith(refusal, slack.DirectMessages("U0STRANGER")[0].Text, StringComparison.Ordinal);
        Assert.Null(bot.Store.Find(new IncidentId(1))!.AcknowledgedAt);
        Assert.DoesNotContain(slack.Messages(room), m => m.Text.StartsWith('✅'));
    }

    [Fact]
    public async Task A_second_ack_is_answered_with_who_acknowledged_and_when()
    {
        var room = await DeclareSev1Async();
        await bot.ReplyAsync("ack", channel: room);
        await bot.OutboxDrainedAsync();
        time.Advance(TimeSpan.FromMinutes(1));

        var second = await bot.ReplyAsync("ack", user: Lead, channel: room);

        Assert.StartsWith($"INC-1 is already acknowledged, by <@{BotHost.Reporter}> at <!date^", second, StringComparison.Ordinal);
        Assert.EndsWith("UTC>: nothing to do, thank you.", second, StringComparison.Ordinal);
        Assert.Equal(new ResponderId(BotHost.Reporter), bot.Store.Find(new IncidentId(1))!.AcknowledgedBy);
        Assert.Single(bot.Store.Timeline(new IncidentId(1)), e => e.Kind == TimelineKind.Acknowledged);
    }

    [Fact]
    public async Task MTTA_in_the_metrics_is_the_time_from_the_declaration_to_the_acknowledgement()
    {
        var room = await DeclareSev1Async();
        await bot.ReplyAsync("status identified", channel: room);
        await bot.OutboxDrainedAsync();
        time.Advance(TimeSpan.FromMinutes(4));
        await bot.ReplyAsync("ack", user: Lead, channel: room);
        var unacknowledged = await DeclareAsync("create Login slow sev2");
        time.Advance(TimeSpan.FromMinutes(6));

        var metrics = await bot.ReplyAsync("metrics 30d");

        Assert.NotEqual(room, unacknowledged);
        Assert.Contains("*SEV-1* · 1 · detect 0m / 0m · ack 4m / 4m · identify 0m / 0m", metrics, StringComparison.Ordinal);
        // Nobody acknowledged the SEV-2: it counts, but not in the time to acknowledge.
        Assert.Contains("*SEV-2* · 1 · detect 0m / 0m · ack – / – ·", metrics, StringComparison.Ordinal);
        Assert.Contains("*All* · 2 · detect 0m / 0m · ack 4m / 4m ·", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledgement_of_the_page_at_PagerDuty_acknowledges_the_incident_once()
    {
        var room = await DeclareSev1Async();
        var alerts = bot.Services.GetRequiredService<AlertAcknowledgements>();
        time.Advance(TimeSpan.FromMinutes(2));

        var first = await alerts.AcknowledgePageAsync("INC-1", "PagerDuty", "Ann <!channel> @here Lee", CancellationToken.None);
        var repeat = await alerts.AcknowledgePageAsync("INC-1", "PagerDuty", "Ann Lee", CancellationToken.None);
        var unknown = await alerts.AcknowledgePageAsync("payments-7", "Opsgenie", "Bo", CancellationToken.None);
        await bot.OutboxDrainedAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await ResponseTargetsDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Equal([AcknowledgeResult.Acknowledged, AcknowledgeResult.AlreadyAcknowledged, AcknowledgeResult.NotFound], [first, repeat, unknown]);
        var incident = bot.Store.Find(new IncidentId(1))!;
        Assert.Equal("PagerDuty", incident.AcknowledgedVia);
        var entry = Assert.Single(bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.Acknowledged);
        Assert.Equal("Acknowledged in PagerDuty by Ann !channel @\u2060here Lee", entry.Text);
        Assert.Contains(slack.Messages(room), m => m.Text == "✅ *Acknowledged* INC-1 by Ann !channel @\u2060here Lee in PagerDuty, 2m after the declaration");
        Assert.Empty(slack.DirectMessages(VpEngineering));
    }

    [Fact]
    public async Task A_target_missed_while_the_bot_was_down_calls_the_next_step_in_once_after_the_restart()
    {
        var room = await DeclareSev1Async();
        var path = bot.DatabasePath;
        await bot.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(10));

        bot = Start(path);
        await Eventually.TrueAsync(() => slack.DirectMessages(VpEngineering).Count == 1, "the next step's DM after the restart");
        Assert.Equal(0, await ResponseTargetsDueAsync());
        await bot.OutboxDrainedAsync();

        Assert.Single(slack.DirectMessages(VpEngineering));
        Assert.Equal(2, Escalations(room).Count);
    }

    private BotHost Start(string? path = null) => BotHost.Start(
        slack,
        path,
        new Dictionary<string, string?>
        {
            ["Incidents:AutoEscalation"] = "true",
            ["Incidents:Escalation:SEV-1:0:After"] = "00:00:00",
            ["Incidents:Escalation:SEV-1:0:Notify:0"] = Lead,
            ["Incidents:Escalation:SEV-1:1:After"] = "00:15:00",
            ["Incidents:Escalation:SEV-1:1:Notify:0"] = VpEngineering,
        },
        time: time);

    private async Task<string> DeclareSev1Async()
    {
        var room = await DeclareAsync("create Checkout down sev1");
        await Eventually.TrueAsync(() => slack.DirectMessages(Lead).Count == 1, "the first step's DM");
        await bot.OutboxDrainedAsync();
        return room;
    }

    private async Task<string> DeclareAsync(string text)
    {
        await bot.ReplyAsync(text);
        await bot.OutboxDrainedAsync();
        return slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private Task<int> ResponseTargetsDueAsync() => bot.Services.GetRequiredService<ResponseTargetPolicy>().SendDueAsync();

    private List<FakeMessage> Escalations(string room) =>
        slack.Messages(room).Where(m => m.Text.StartsWith("🚨 *Escalated*", StringComparison.Ordinal)).ToList();

    private static List<JsonObject> Buttons(FakeMessage message) =>
        (message.Blocks ?? []).Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject()).ToList();

    /// <summary>A click on the DM's button as Slack sends it: Slack's own block_actions sample, with the DM's ids and the DM itself.</summary>
    private static JsonObject Click(FakeMessage dm, string user)
    {
        var payload = ReminderTests.Click(dm.Channel, dm.Ts, EscalationActions.Acknowledge, user);
        payload["actions"]![0]!["block_id"] = EscalationActions.BlockId;
        payload["message"] = new JsonObject { ["type"] = "message", ["ts"] = dm.Ts, ["text"] = dm.Text, ["blocks"] = dm.Blocks?.DeepClone() };
        return payload;
    }
}
