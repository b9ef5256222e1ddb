using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>Update reminders through the real host, with the bot's clock moved by the test instead of waiting.</summary>
public sealed class ReminderTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task When_the_update_is_due_exactly_one_reminder_with_its_buttons_reaches_the_war_room()
    {
        var room = await DeclareSev1Async();
        clock.AdvanceMinutes(16);

        Bot.Services.GetRequiredService<StoreSignals>().Incidents.Notify();
        var reminder = await ReminderAsync(room);
        await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync();
        await Bot.OutboxDrainedAsync();

        Assert.Single(Reminders(room));
        Assert.Contains($"<@{BotHost.Reporter}>, an update on *INC-1*", reminder.Text, StringComparison.Ordinal);
        var buttons = Buttons(reminder);
        Assert.Equal([ReminderActions.PostUpdate, ReminderActions.Snooze15, ReminderActions.Snooze30, ReminderActions.Snooze60, ReminderActions.Stop], buttons.Select(b => (string?)b["action_id"]));
        Assert.All(buttons, b => Assert.Equal("1", (string?)b["value"]));
    }

    [Fact]
    public async Task Snooze_moves_the_due_time_records_who_and_replaces_the_buttons()
    {
        var room = await DeclareSev1Async();
        clock.AdvanceMinutes(16);
        var reminder = await SendRemindersAsync(room);

        using var response = await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.Snooze30, "U0LEAD"));
        await Bot.OutboxDrainedAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(30), incident.NextUpdateDue);
        Assert.Contains(Bot.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.Reminder && e.Actor.Value == "U0LEAD" && e.Text.Contains("30 min", StringComparison.Ordinal));
        Assert.Contains(Bot.Store.AuditLog(new IncidentId(1)), a => a.Command == "reminder button " + ReminderActions.Snooze30 && a.User.Value == "U0LEAD");
        var edited = Slack.Messages(room).Single(m => m.Ts == reminder.Ts);
        Assert.Contains("<@U0LEAD> snoozed reminders for 30 min", edited.Text, StringComparison.Ordinal);
        Assert.Empty(Buttons(edited));

        clock.AdvanceMinutes(29);
        Assert.Equal(0, await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
        clock.AdvanceMinutes(2);
        Assert.Equal(1, await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
    }

    [Fact]
    public async Task Only_the_commander_stops_reminders_and_then_none_come()
    {
        var room = await DeclareSev1Async();
        clock.AdvanceMinutes(16);
        var reminder = await SendRemindersAsync(room);

        using (await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.Stop, "U0BYSTANDER")))
        {
        }

        await Bot.OutboxDrainedAsync();
        var refusal = Assert.Single(Slack.Ephemerals(room));
        Assert.Equal("U0BYSTANDER", refusal.User);
        Assert.Contains($"Only INC-1's incident commander <@{BotHost.Reporter}> can stop the update reminders of it", refusal.Text, StringComparison.Ordinal);
        Assert.False(Bot.Store.Find(new IncidentId(1))!.RemindersStopped);

        using (await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.Stop, BotHost.Reporter)))
        {
        }

        await Bot.OutboxDrainedAsync();
        Assert.True(Bot.Store.Find(new IncidentId(1))!.RemindersStopped);
        Assert.Contains("stopped update reminders", Slack.Messages(room).Single(m => m.Ts == reminder.Ts).Text, StringComparison.Ordinal);
        clock.AdvanceHours(3);
        Assert.Equal(0, await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
    }

    [Fact]
    public async Task Post_update_opens_the_form_and_its_submission_posts_the_update_and_edits_the_reminder()
    {
        var room = await DeclareSev1Async();
        clock.AdvanceMinutes(16);
        var reminder = await SendRemindersAsync(room);

        using (await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.PostUpdate, BotHost.Reporter)))
        {
        }

        var open = await Slack.WaitForCallAsync("views.open");
        var view = open.Args["view"]!.AsObject();
        Assert.Equal(ReminderActions.UpdateForm, (string?)view["callback_id"]);
        Assert.Equal("investigating", (string?)view["blocks"]![0]!["element"]!["initial_option"]!["value"]);

        using var submitted = await Bot.InteractionAsync(UpdateSubmission((string)view["private_metadata"]!, "identified", "Bad deploy found; rolling back"));
        await Bot.OutboxDrainedAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, submitted.StatusCode);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(IncidentStatus.Identified, incident.Status);
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(15), incident.NextUpdateDue);
        Assert.Contains(Slack.Messages(room), m => IncidentCommandTests.Flatten(m).Contains("Bad deploy found; rolling back", StringComparison.Ordinal));
        Assert.Contains("posted an update", Slack.Messages(room).Single(m => m.Ts == reminder.Ts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reminder_for_a_resolved_incident()
    {
        var room = await DeclareSev1Async();
        await Bot.ReplyAsync("resolve fixed", channel: room);
        clock.AdvanceHours(5);

        Assert.Equal(0, await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
    }

    [Fact]
    public async Task After_a_restart_an_incident_overdue_for_hours_gets_exactly_one_reminder()
    {
        var room = await DeclareSev1Async();
        var path = Bot.DatabasePath;
        await Bot.DisposeAsync();
        clock.AdvanceHours(3);

        await using var restarted = BotHost.Start(Slack, path, clock: clock);
        await Eventually.TrueAsync(() => Reminders(room).Count == 1, "the catch-up reminder");
        await restarted.OutboxDrainedAsync();
        await restarted.Services.GetRequiredService<ReminderPolicy>().SendDueAsync();
        restarted.Services.GetRequiredService<StoreSignals>().Incidents.Notify();
        await restarted.OutboxDrainedAsync();

        Assert.Single(Reminders(room));
        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(15), restarted.Store.Find(new IncidentId(1))!.NextUpdateDue);
    }

    private async Task<string> DeclareSev1Async()
    {
        await Bot.ReplyAsync("create Checkout down sev1");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private async Task<FakeMessage> SendRemindersAsync(string room)
    {
        await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync();
        return await ReminderAsync(room);
    }

    private async Task<FakeMessage> ReminderAsync(string room)
    {
        await Eventually.TrueAsync(() => Reminders(room).Count > 0, "a reminder in the war room");
        return Reminders(room)[0];
    }

    private List<FakeMessage> Reminders(string room) =>
        Slack.Messages(room).Where(m => m.Text.StartsWith('⏰')).ToList();

    private static List<JsonObject> Buttons(FakeMessage message) =>
        (message.Blocks ?? []).Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject()).ToList();

    /// <summary>A click as Slack sends it: Slack's own block_actions sample with the ids filled in.</summary>
    internal static JsonObject Click(string channel, string messageTs, string actionId, string user)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/BlockActionPayload.json"))!.AsObject();
        payload["user"]!["id"] = user;
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        payload["container"]!["message_ts"] = messageTs;
        payload["trigger_id"] = "12466734323.1395872398." + actionId;
        var action = payload["actions"]![0]!.AsObject();
        action["action_id"] = actionId;
        action["block_id"] = ReminderActions.BlockId;
        action["value"] = "1";
        action.Remove("selected_option");
        return payload;
    }

    internal static JsonObject UpdateSubmission(string metadata, string status, string text)
    {
        var payload = JsonNode.Parse(Fixture.Text("slack/ViewSubmissionPayload.json"))!.AsObject();
        payload["user"]!["id"] = BotHost.Reporter;
        var view = payload["view"]!.AsObject();
        view["callback_id"] = ReminderActions.UpdateForm;
        view["private_metadata"] = metadata;
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["status"] = new JsonObject { ["status_select"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = status } } },
                ["text"] = new JsonObject { ["text_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } },
            },
        };
        return payload;
    }
}
