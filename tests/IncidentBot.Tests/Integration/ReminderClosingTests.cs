using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// An answered reminder stops asking: an update, however it was posted, edits every reminder still open to say who
/// posted it, without buttons; a snooze or stop closes the reminders too, and what they say stays.
/// </summary>
public sealed class ReminderClosingTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task An_update_posted_with_the_command_closes_every_open_reminder_saying_who_posted_it()
    {
        var room = await DeclareSev1Async();
        await RemindAfterAsync(room, minutes: 16, expected: 1);
        await RemindAfterAsync(room, minutes: 16, expected: 2);
        Assert.Equal(2, Bot.Store.Find(new IncidentId(1))!.OpenReminders.Count);

        await Bot.ReplyAsync("update Rolled back; error rate falling", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.All(Reminders(room), reminder =>
        {
            Assert.Contains($"<@{BotHost.Reporter}> posted an update", reminder.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("is due", reminder.Text, StringComparison.Ordinal);
            Assert.Empty(Buttons(reminder));
        });
        Assert.Empty(Bot.Store.Find(new IncidentId(1))!.OpenReminders);
    }

    [Fact]
    public async Task The_update_form_opened_from_the_declaration_closes_the_open_reminder()
    {
        var room = await DeclareSev1Async();
        await RemindAfterAsync(room, minutes: 16, expected: 1);
        var metadata = UpdateForm.View(Bot.Store.Find(new IncidentId(1))!, reminderTs: "")["private_metadata"]!.GetValue<string>();

        using (await Bot.InteractionAsync(ReminderTests.UpdateSubmission(metadata, "investigating", "Still looking at the load balancer")))
        {
        }

        await Bot.OutboxDrainedAsync();
        var reminder = Assert.Single(Reminders(room));
        Assert.Contains("posted an update", reminder.Text, StringComparison.Ordinal);
        Assert.Empty(Buttons(reminder));
    }

    [Fact]
    public async Task A_snoozed_reminder_keeps_saying_who_snoozed_it_after_a_later_update()
    {
        var room = await DeclareSev1Async();
        var reminder = await RemindAfterAsync(room, minutes: 16, expected: 1);

        using (await Bot.InteractionAsync(ReminderTests.Click(room, reminder.Ts, ReminderActions.Snooze15, "U0LEAD")))
        {
        }

        await Bot.OutboxDrainedAsync();
        await Bot.ReplyAsync("update Found it", channel: room);
        await Bot.OutboxDrainedAsync();

        var edited = Slack.Messages(room).Single(m => m.Ts == reminder.Ts);
        Assert.Contains("<@U0LEAD> snoozed reminders for 15 min", edited.Text, StringComparison.Ordinal);
        Assert.Empty(Buttons(edited));
    }

    [Fact]
    public async Task Resolving_closes_the_open_reminder()
    {
        var room = await DeclareSev1Async();
        await RemindAfterAsync(room, minutes: 16, expected: 1);

        await Bot.ReplyAsync("resolve fixed", channel: room);
        await Bot.OutboxDrainedAsync();

        var reminder = Assert.Single(Reminders(room));
        Assert.Contains("marked INC-1 resolved", reminder.Text, StringComparison.Ordinal);
        Assert.Empty(Buttons(reminder));
    }

    [Fact]
    public async Task Cancelling_closes_the_open_reminder_before_the_war_room_is_archived()
    {
        var room = await DeclareSev1Async();
        await RemindAfterAsync(room, minutes: 16, expected: 1);

        await Bot.ReplyAsync("cancel declared by mistake", channel: room);
        await Bot.OutboxDrainedAsync();

        var reminder = Assert.Single(Reminders(room));
        Assert.Contains("marked INC-1 cancelled", reminder.Text, StringComparison.Ordinal);
        Assert.Empty(Buttons(reminder));
        Assert.True(Slack.Channel(room).IsArchived);
        Assert.Empty(Bot.Store.Find(new IncidentId(1))!.OpenReminders);
    }

    private async Task<string> DeclareSev1Async()
    {
        await Bot.ReplyAsync("create Checkout down sev1");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private async Task<FakeMessage> RemindAfterAsync(string room, int minutes, int expected)
    {
        clock.AdvanceMinutes(minutes);
        Assert.Equal(1, await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync());
        await Bot.OutboxDrainedAsync();
        await Eventually.TrueAsync(() => Bot.Store.Find(new IncidentId(1))!.OpenReminders.Count == expected, "the reminder recorded as open");
        return Reminders(room)[^1];
    }

    private List<FakeMessage> Reminders(string room) =>
        Slack.Messages(room).Where(m => m.Text.StartsWith('⏰')).ToList();

    private static List<JsonObject> Buttons(FakeMessage message) =>
        (message.Blocks ?? []).Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject()).ToList();
}
