using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Slack;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>A change has the same effects whichever way it came: the reminder's form resolves as <c>/incident resolve</c> does.</summary>
public sealed class TransitionEffectsTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds()));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task Resolving_from_the_update_form_sets_the_topic_and_shares_the_required_postmortem_as_the_command_does()
    {
        var byCommand = await ResolveByCommandAsync();
        var byForm = await ResolveByFormAsync();

        Assert.StartsWith("INC-1 · SEV-1 · resolved", byCommand.Topic, StringComparison.Ordinal);
        Assert.Equal(new Effects(byCommand.Topic, 1, true), byCommand with { ResolvedPosts = 1, PostmortemShared = true });
        Assert.Equal(byCommand, byForm);
    }

    [Fact]
    public async Task A_bystander_cannot_resolve_through_the_form_and_is_told_in_the_form()
    {
        var room = await DeclareSev1Async("create Checkout down sev1");
        var metadata = await OpenUpdateFormAsync(room);
        var submission = ReminderTests.UpdateSubmission(metadata, "resolved", "looks fine to me");
        submission["user"]!["id"] = "U0BYSTANDER";

        using var response = await Bot.InteractionAsync(submission);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.StartsWith("Only INC-1's role holders can resolve it", (string?)body["errors"]!["status"], StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, Bot.Store.Find(new IncidentId(1))!.Status);
    }

    private async Task<Effects> ResolveByCommandAsync()
    {
        var room = await DeclareSev1Async("create Checkout down sev1");
        await Bot.ReplyAsync("resolve rolled back", channel: room);
        await Bot.OutboxDrainedAsync();
        return Seen(room);
    }

    private async Task<Effects> ResolveByFormAsync()
    {
        var room = await DeclareSev1Async("create Checkout down sev1");
        var metadata = await OpenUpdateFormAsync(room);
        using (await Bot.InteractionAsync(ReminderTests.UpdateSubmission(metadata, "resolved", "rolled back")))
        {
        }

        await Bot.OutboxDrainedAsync();
        return Seen(room);
    }

    private async Task<string> OpenUpdateFormAsync(string room)
    {
        clock.AdvanceMinutes(16);
        await Bot.Services.GetRequiredService<ReminderPolicy>().SendDueAsync();
        await Eventually.TrueAsync(() => Slack.Messages(room).Any(m => m.Text.StartsWith('⏰')), "a reminder");
        var reminder = Slack.Messages(room).First(m => m.Text.StartsWith('⏰'));
        var opens = Slack.Calls("views.open").Count;
        var click = ReminderTests.Click(room, reminder.Ts, ReminderActions.PostUpdate, BotHost.Reporter);
        click["actions"]![0]!["value"] = Bot.Store.FindByWarRoom(new SlackChannelId(room))!.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (await Bot.InteractionAsync(click))
        {
        }

        await Eventually.TrueAsync(() => Slack.Calls("views.open").Count > opens, "the update form");
        return (string)Slack.Calls("views.open")[^1].Args["view"]!["private_metadata"]!;
    }

    private async Task<string> DeclareSev1Async(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Bot.Store.ListOpen()[0].WarRoom.ChannelId!;
    }

    private Effects Seen(string room)
    {
        var channel = Slack.Channel(room);
        var resolvedPosts = Slack.Messages(room).Count(m => IncidentCommandTests.Flatten(m).Contains("was resolved by", StringComparison.Ordinal));
        var postmortem = Slack.Calls("files.completeUploadExternal").Any(c => (string?)c.Args["channel_id"] == room);
        return new Effects(channel.Topic.Replace(Bot.Store.FindByWarRoom(new SlackChannelId(room))!.Id.ToString(), "INC-1", StringComparison.Ordinal), resolvedPosts, postmortem);
    }

    private sealed record Effects(string Topic, int ResolvedPosts, bool PostmortemShared);
}
