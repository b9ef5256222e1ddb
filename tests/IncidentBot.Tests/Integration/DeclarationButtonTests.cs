using System.Net;
using IncidentBot.Buttons;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>The declaration's and the announcement's buttons, clicked through the real host against the fake Slack.</summary>
public sealed class DeclarationButtonTests : BotTest
{
    private const string Engineer = "U0ENGINEER";
    private const string Stranger = "U0STRANGER";

    [Fact]
    public async Task The_declaration_offers_take_command_only_while_nobody_commands()
    {
        var room = await DeclareAsync();
        Assert.Equal([IncidentButtons.PostUpdate], Clicks.ButtonIds(Declaration(room)));

        await Bot.ReplyAsync("commander none", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Equal([IncidentButtons.TakeCommand, IncidentButtons.PostUpdate], Clicks.ButtonIds(Declaration(room)));
        Assert.All(Clicks.Buttons(Declaration(room)), b => Assert.Equal("1", (string?)b["value"]));
    }

    [Fact]
    public async Task Take_command_makes_the_clicker_commander_and_a_late_second_click_is_refused()
    {
        var room = await DeclareAsync();
        await Bot.ReplyAsync("commander none", channel: room);
        await Bot.OutboxDrainedAsync();
        var ts = Declaration(room).Ts;

        using (var response = await Bot.InteractionAsync(Clicks.Button(room, ts, IncidentButtons.TakeCommand, Engineer)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.OutboxDrainedAsync();
        Assert.Equal(new ResponderId(Engineer), Bot.Store.Find(new IncidentId(1))!.Holder(IncidentRole.Commander));
        Assert.Equal([IncidentButtons.PostUpdate], Clicks.ButtonIds(Declaration(room)));
        Assert.Contains(Slack.Messages(room), m => m.Text.Contains($"<@{Engineer}>", StringComparison.Ordinal) && m.Text.Contains("Commander", StringComparison.OrdinalIgnoreCase));

        // The button was still on someone's screen: command is not taken from the new commander.
        using (await Bot.InteractionAsync(Clicks.Button(room, ts, IncidentButtons.TakeCommand, Stranger)))
        {
        }

        await Bot.OutboxDrainedAsync();
        Assert.Equal(new ResponderId(Engineer), Bot.Store.Find(new IncidentId(1))!.Holder(IncidentRole.Commander));
        var refusal = Assert.Single(Slack.Ephemerals(room), e => e.User == Stranger);
        Assert.Contains($"Only the incident commander <@{Engineer}> can hand over command of INC-1", refusal.Text, StringComparison.Ordinal);
        Assert.Contains(Bot.Store.AuditLog(new IncidentId(1)), a => a.Command == "button " + IncidentButtons.TakeCommand && a.User.Value == Stranger && a.Outcome.StartsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Take_command_refused_outside_the_war_room_is_answered_where_it_was_clicked()
    {
        var room = await DeclareAsync();
        await Bot.ReplyAsync("commander none", channel: room);
        await Bot.OutboxDrainedAsync();
        var ts = Declaration(room).Ts;
        using (await Bot.InteractionAsync(Clicks.Button(room, ts, IncidentButtons.TakeCommand, Engineer)))
        {
        }

        await Bot.OutboxDrainedAsync();

        // The declaration's button, seen from a channel the stranger is in (a preview of the public war room, a share).
        using (await Bot.InteractionAsync(Clicks.Button(Bot.AnnouncementChannel, ts, IncidentButtons.TakeCommand, Stranger)))
        {
        }

        await Bot.OutboxDrainedAsync();
        var refusal = Assert.Single(Slack.Ephemerals(Bot.AnnouncementChannel), e => e.User == Stranger);
        Assert.Contains($"Only the incident commander <@{Engineer}> can hand over command of INC-1", refusal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Ephemerals(room), e => e.User == Stranger);

        // With no channel at all (App Home), a pop-up says it.
        var homeClick = Clicks.Button(Bot.AnnouncementChannel, ts, IncidentButtons.TakeCommand, Stranger);
        homeClick.Remove("channel");
        homeClick["container"]!.AsObject().Remove("channel_id");
        using (await Bot.InteractionAsync(homeClick))
        {
        }

        Assert.Contains($"Only the incident commander <@{Engineer}> can hand over command of INC-1", Notice(await Slack.WaitForCallAsync("views.open")), StringComparison.Ordinal);
        Assert.Equal(new ResponderId(Engineer), Bot.Store.Find(new IncidentId(1))!.Holder(IncidentRole.Commander));
    }

    [Fact]
    public async Task Post_update_opens_the_update_form_whose_submission_posts_the_update()
    {
        var room = await DeclareAsync();

        using (await Bot.InteractionAsync(Clicks.Button(room, Declaration(room).Ts, IncidentButtons.PostUpdate, BotHost.Reporter)))
        {
        }

        var open = await Slack.WaitForCallAsync("views.open");
        var view = open.Args["view"]!.AsObject();
        Assert.Equal(ReminderActions.UpdateForm, (string?)view["callback_id"]);
        using var submitted = await Bot.InteractionAsync(ReminderTests.UpdateSubmission((string)view["private_metadata"]!, "identified", "Bad deploy found; rolling back"));
        await Bot.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(IncidentStatus.Identified, Bot.Store.Find(new IncidentId(1))!.Status);
        Assert.Contains(Slack.Messages(room), m => m.Text.Contains("Bad deploy found; rolling back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_update_is_refused_to_someone_outside_the_incident_and_opens_no_form()
    {
        var room = await DeclareAsync();

        using (await Bot.InteractionAsync(Clicks.Button(Bot.General, Declaration(room).Ts, IncidentButtons.PostUpdate, Stranger)))
        {
        }

        var notice = Notice(await Slack.WaitForCallAsync("views.open"));
        Assert.Contains("Only people in INC-1's war room can post updates to it", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(ReminderActions.UpdateForm, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_on_the_announcement_invites_the_clicker_into_the_war_room()
    {
        var room = await DeclareAsync();
        var announcement = Slack.Messages(Bot.AnnouncementChannel).Single();
        Assert.Equal([IncidentButtons.Join], Clicks.ButtonIds(announcement));

        using (await Bot.InteractionAsync(Clicks.Button(Bot.AnnouncementChannel, announcement.Ts, IncidentButtons.Join, Engineer)))
        {
        }

        var invite = await Slack.WaitForCallAsync("conversations.invite", c => ((string?)c.Args["users"])?.Contains(Engineer, StringComparison.Ordinal) == true);
        Assert.Equal(room, (string?)invite.Args["channel"]);
        await Bot.OutboxDrainedAsync();
        Assert.Contains(Engineer, Slack.Channel(room).Members);
    }

    [Fact]
    public async Task Join_is_refused_for_a_private_incident_to_someone_not_in_it()
    {
        await Bot.ReplyAsync("create Payroll data exposed sev2 --private");
        await Bot.OutboxDrainedAsync();
        var room = Bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId!;

        using (await Bot.InteractionAsync(Clicks.Button(Bot.AnnouncementChannel, "1700000000.000100", IncidentButtons.Join, Stranger)))
        {
        }

        var notice = Notice(await Slack.WaitForCallAsync("views.open"));
        Assert.Contains("INC-1 is private", notice, StringComparison.Ordinal);
        await Bot.OutboxDrainedAsync();
        Assert.DoesNotContain(Stranger, Slack.Channel(room).Members);
        Assert.DoesNotContain(Slack.Calls("conversations.invite"), c => ((string?)c.Args["users"])?.Contains(Stranger, StringComparison.Ordinal) == true);
    }

    /// <summary>The text of a notice modal; the whole view when it is some other form.</summary>
    private static string Notice(RecordedCall open) =>
        (string?)open.Args["view"]!["blocks"]![0]!["text"]?["text"] ?? open.Args["view"]!.ToJsonString();

    private async Task<string> DeclareAsync()
    {
        await Bot.ReplyAsync("create Checkout down sev2");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private FakeMessage Declaration(string room) => Slack.Messages(room).Single(m => m.Ts == Bot.Store.Find(new IncidentId(1))!.WarRoom.DeclarationTs);
}
