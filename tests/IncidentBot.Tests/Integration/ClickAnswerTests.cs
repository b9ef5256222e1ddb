using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// A click the bot refuses is always answered to the clicker: in the channel with chat.postEphemeral, and, when Slack
/// refuses that because they are not in the channel (a public war room opened without joining), through the click's
/// response_url, which Slack shows them wherever they are.
/// </summary>
public sealed class ClickAnswerTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task A_refused_click_by_someone_outside_the_war_room_is_answered_through_the_clicks_response_url()
    {
        var (room, reminder) = await ReminderAsync();
        Slack.ErrorNext("chat.postEphemeral", "user_not_in_channel");

        using (await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.Stop, "U0VISITOR", Slack.ResponseUrl("visitor-stop"))))
        {
        }

        await Bot.OutboxDrainedAsync();
        var (token, body) = Assert.Single(Slack.Responses());
        Assert.Equal("visitor-stop", token);
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.False((bool)body["replace_original"]!);
        Assert.Contains($"Only INC-1's incident commander <@{BotHost.Reporter}> can stop the update reminders of it", (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal("", (string?)body["authorization"]);
        Assert.False(Bot.Store.Find(new IncidentId(1))!.RemindersStopped);
    }

    [Fact]
    public async Task A_refused_click_by_someone_in_the_war_room_is_answered_there_and_the_response_url_is_left_alone()
    {
        var (room, reminder) = await ReminderAsync();

        using (await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.Stop, "U0BYSTANDER", Slack.ResponseUrl("bystander-stop"))))
        {
        }

        await Bot.OutboxDrainedAsync();
        Assert.Equal("U0BYSTANDER", Assert.Single(Slack.Ephemerals(room)).User);
        Assert.Empty(Slack.Responses());
    }

    [Fact]
    public async Task A_response_url_off_Slacks_hooks_host_is_never_posted_to()
    {
        var (room, reminder) = await ReminderAsync();
        Slack.ErrorNext("chat.postEphemeral", "user_not_in_channel");

        using (await Bot.InteractionAsync(Click(room, reminder.Ts, ReminderActions.Stop, "U0VISITOR", new Uri("https://hooks.example.com/actions/T1/2/x"))))
        {
        }

        await Bot.OutboxDrainedAsync();
        Assert.Empty(Slack.Responses());
        Assert.Contains(Bot.Store.AuditLog(new IncidentId(1)), a => a.User.Value == "U0VISITOR" && a.Outcome.StartsWith("refused", StringComparison.Ordinal));
    }

    private async Task<(string Room, FakeMessage Reminder)> ReminderAsync()
    {
        await Bot.ReplyAsync("create Checkout down sev1");
        await Bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        clock.AdvanceMinutes(16);
        await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync();
        await Bot.OutboxDrainedAsync();
        return (room, Slack.Messages(room).First(m => m.Text.StartsWith('⏰')));
    }

    private static System.Text.Json.Nodes.JsonObject Click(string room, string ts, string actionId, string user, Uri responseUrl)
    {
        var click = ReminderTests.Click(room, ts, actionId, user);
        click["response_url"] = responseUrl.ToString();
        return click;
    }
}
