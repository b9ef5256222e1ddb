using IncidentBot.Incidents;
using IncidentBot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>Stopped update reminders come back: by <c>/incident remind on</c>, a severity raise or a reopen.</summary>
public sealed class ReminderResumeTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task The_commander_stops_reminders_by_typing_and_turns_them_back_on()
    {
        var room = await DeclareAsync("create Checkout down sev1");

        var bystanderOff = await Bot.ReplyAsync("remind off", user: "U0BYSTANDER", channel: room);
        var off = await Bot.ReplyAsync("remind off", channel: room);
        clock.AdvanceMinutes(16);
        Assert.Equal(0, await SendDueAsync());
        var bystanderOn = await Bot.ReplyAsync("remind on", user: "U0BYSTANDER", channel: room);
        var on = await Bot.ReplyAsync("remind on", channel: room);
        clock.AdvanceMinutes(14);
        Assert.Equal(0, await SendDueAsync());
        clock.AdvanceMinutes(1);
        await ReminderAsync(room);
        await Bot.OutboxDrainedAsync();

        Assert.Equal($"Only INC-1's incident commander <@{BotHost.Reporter}> can stop the update reminders of it.", bystanderOff);
        Assert.Equal("Update reminders for INC-1 are stopped. `/incident remind on` turns them back on.", off);
        Assert.Equal($"Only INC-1's incident commander <@{BotHost.Reporter}> can turn on the update reminders of it.", bystanderOn);
        Assert.StartsWith("Update reminders for INC-1 are on again", on, StringComparison.Ordinal);
        Assert.Single(Slack.Messages(room), m => m.Text.StartsWith('⏰'));
        Assert.Contains(Bot.Store.Timeline(new IncidentId(1)), e => e.Kind == TimelineKind.Reminder && e.Text == "Turned update reminders back on");
    }

    [Fact]
    public async Task A_severity_raise_restarts_stopped_reminders()
    {
        var room = await DeclareAsync("create Checkout slow sev3");
        Assert.StartsWith("Update reminders for INC-1 are stopped", await Bot.ReplyAsync("remind off", channel: room), StringComparison.Ordinal);

        await Bot.ReplyAsync("severity sev1", channel: room);
        clock.AdvanceMinutes(16);

        await ReminderAsync(room);
    }

    [Fact]
    public async Task A_reopen_restarts_stopped_reminders()
    {
        var room = await DeclareAsync("create Checkout down sev1");
        Assert.StartsWith("Update reminders for INC-1 are stopped", await Bot.ReplyAsync("remind off", channel: room), StringComparison.Ordinal);
        await Bot.ReplyAsync("resolve rolled back", channel: room);

        await Bot.ReplyAsync("status investigating", channel: room);
        clock.AdvanceMinutes(1);

        await ReminderAsync(room);
    }

    /// <summary>Lets this test (or the scheduler, which may be first) send what is due, then waits for the reminder.</summary>
    private async Task ReminderAsync(string room)
    {
        await SendDueAsync();
        await Eventually.TrueAsync(() => Slack.Messages(room).Any(m => m.Text.StartsWith('⏰')), "a reminder in the war room");
    }

    private Task<int> SendDueAsync() => Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync();

    private async Task<string> DeclareAsync(string command)
    {
        await Bot.ReplyAsync(command);
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
