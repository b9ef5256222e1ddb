using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Incidents;
using IncidentBot.Reminders;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Announcements;

/// <summary>
/// The announcement in #incidents and in the stakeholder channels stays true, through the real host against the fake
/// Slack: every change edits it and adds its line to the thread, an overdue update is marked, a private incident stays out.
/// </summary>
public sealed class AnnouncementTests : IAsyncLifetime
{
    private readonly TestTime time = new();
    private FakeSlackApi slack = null!;
    private BotHost bot = null!;
    private string leadership = "";

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync(time);
        leadership = slack.AddChannel("leadership").Id;
        bot = BotHost.Start(slack, settings: new Dictionary<string, string?> { ["Incidents:StakeholderChannels:SEV-1:0"] = leadership }, time: time);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_severity_change_resolve_and_close_each_edit_the_announcement_and_add_to_its_thread()
    {
        var room = await DeclareAsync("create Checkout down sev2");
        var announcement = Announcement(bot.AnnouncementChannel, "INC-1");
        Assert.Equal([new AnnouncementPost(bot.AnnouncementChannel, announcement.Ts)], bot.Store.Find(new IncidentId(1))!.Announcements);
        Assert.Contains("join the war room", Text(announcement), StringComparison.Ordinal);

        await ChangeAsync("severity SEV-3", room);
        Assert.Contains("· SEV-3", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);
        Assert.Contains("🔻 *Severity* SEV-2 → *SEV-3*", Text(Thread(bot.AnnouncementChannel, announcement)[^1]), StringComparison.Ordinal);

        await ChangeAsync("status identified", room);
        Assert.Contains("*Status:* identified", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);
        Assert.Contains("*Status* investigating → *identified*", Text(Thread(bot.AnnouncementChannel, announcement)[^1]), StringComparison.Ordinal);

        await ChangeAsync("commander <@U0NEWIC>", room);
        Assert.Contains("*Commander:* <@U0NEWIC>", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);
        Assert.Contains("*Commander* is now <@U0NEWIC>", Text(Thread(bot.AnnouncementChannel, announcement)[^1]), StringComparison.Ordinal);

        await ChangeAsync("resolve rolled back the deploy", room, "U0NEWIC");
        Assert.Contains("INC-1 resolved", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);
        Assert.Contains("*Resolved* by <@U0NEWIC>", Text(Thread(bot.AnnouncementChannel, announcement)[^1]), StringComparison.Ordinal);
        Assert.Contains("rolled back the deploy", Text(Thread(bot.AnnouncementChannel, announcement)[^1]), StringComparison.Ordinal);

        await ChangeAsync("close", room, "U0NEWIC");
        var closed = Text(Announcement(bot.AnnouncementChannel, "INC-1"));
        Assert.Contains("INC-1 closed", closed, StringComparison.Ordinal);
        Assert.Contains("the war room is archived", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("join the war room", closed, StringComparison.Ordinal);
        Assert.Contains("*Closed* by <@U0NEWIC>; the war room is archived", Text(Thread(bot.AnnouncementChannel, announcement)[^1]), StringComparison.Ordinal);
        Assert.True(slack.Channel(room).IsArchived);

        // One announcement, edited in place; one line per change; nothing of a SEV-2/3 in the SEV-1 stakeholder channel.
        Assert.Equal(5, Thread(bot.AnnouncementChannel, announcement).Count);
        Assert.Single(slack.Messages(bot.AnnouncementChannel), m => m.ThreadTs is null);
        Assert.Equal(5, slack.Calls("chat.update").Count(c => (string?)c.Args["channel"] == bot.AnnouncementChannel && (string?)c.Args["ts"] == announcement.Ts));
        Assert.Empty(slack.Messages(leadership));
    }

    [Fact]
    public async Task A_sev1_is_announced_in_the_stakeholder_channel_and_a_raise_to_sev1_brings_it_in_from_then_on()
    {
        await DeclareAsync("create Payments down sev1");
        var sev1 = Announcement(leadership, "INC-1");
        Assert.Contains("Payments down", Text(sev1), StringComparison.Ordinal);
        Assert.Equal(Text(Announcement(bot.AnnouncementChannel, "INC-1")), Text(sev1));

        var room = await DeclareAsync("create Search slow sev3");
        Assert.DoesNotContain(slack.Messages(leadership), m => Text(m).Contains("INC-2", StringComparison.Ordinal));

        await ChangeAsync("severity SEV-1", room);
        var raised = Announcement(leadership, "INC-2");
        Assert.Contains("· SEV-1", Text(raised), StringComparison.Ordinal);
        Assert.Contains("🔺 *Severity* SEV-3 → *SEV-1*", Text(Assert.Single(Thread(leadership, raised))), StringComparison.Ordinal);
        Assert.Equal(2, bot.Store.Find(new IncidentId(2))!.Announcements.Count);

        await ChangeAsync("status monitoring", room);
        Assert.Contains("*Status:* monitoring", Text(Announcement(leadership, "INC-2")), StringComparison.Ordinal);
        Assert.Equal(2, Thread(leadership, raised).Count);
    }

    [Fact]
    public async Task An_update_shows_in_the_war_room_and_in_the_thread_of_every_announcement()
    {
        var room = await DeclareAsync("create Payments down sev1");

        await ChangeAsync("update Rolled back 4.2; errors falling", room);

        Assert.Contains(slack.Messages(room), m => Text(m).Contains("Rolled back 4.2; errors falling", StringComparison.Ordinal));
        foreach (var channel in new[] { bot.AnnouncementChannel, leadership })
        {
            var line = Text(Assert.Single(Thread(channel, Announcement(channel, "INC-1"))));
            Assert.Contains($"*Update* · investigating · from <@{BotHost.Reporter}>", line, StringComparison.Ordinal);
            Assert.Contains("Rolled back 4.2; errors falling", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_overdue_update_is_marked_on_the_announcement_kept_current_and_cleared_by_the_next_update()
    {
        var room = await DeclareAsync("create Payments down sev1");
        Assert.DoesNotContain("overdue", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);

        // The scheduler may be between two looks as time jumps: a second at a time wakes whatever it waits on next.
        time.Advance(TimeSpan.FromMinutes(16));
        await time.AdvanceUntilAsync(() => MinutesAgo(leadership) is not null, "the overdue mark", TimeSpan.FromSeconds(1));
        var first = MinutesAgo(bot.AnnouncementChannel)!.Value;
        Assert.InRange(first, 16, 20);
        Assert.Contains($"*Update overdue:* last update {first} min ago; SEV-1 expects one every 15m", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);

        // Kept current while it stays overdue: a SEV-1's mark is refreshed every 5 minutes.
        time.Advance(TimeSpan.FromMinutes(5));
        await time.AdvanceUntilAsync(() => MinutesAgo(bot.AnnouncementChannel) >= first + 5, "the mark kept current", TimeSpan.FromSeconds(1));

        await ChangeAsync("update Failover done", room);
        Assert.DoesNotContain("overdue", Text(Announcement(bot.AnnouncementChannel, "INC-1")), StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", Text(Announcement(leadership, "INC-1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_asks_the_comms_lead_too_and_an_update_from_its_form_reaches_every_announcement_thread()
    {
        var room = await DeclareAsync("create Payments down sev1");
        await ChangeAsync("comms <@U0COMMS>", room);

        time.Advance(TimeSpan.FromMinutes(16));
        await time.AdvanceUntilAsync(() => Reminders(room).Count > 0, "the reminder", TimeSpan.FromSeconds(1));
        var reminder = Reminders(room)[0];
        Assert.StartsWith($"⏰ <@{BotHost.Reporter}> and <@U0COMMS>, an update on *INC-1*", reminder.Text, StringComparison.Ordinal);

        using (await bot.InteractionAsync(ReminderTests.Click(room, reminder.Ts, ReminderActions.PostUpdate, BotHost.Reporter)))
        {
        }

        var form = await slack.WaitForCallAsync("views.open");
        using (await bot.InteractionAsync(ReminderTests.UpdateSubmission((string)form.Args["view"]!["private_metadata"]!, "identified", "Bad deploy found; rolling back")))
        {
        }

        await bot.OutboxDrainedAsync();
        foreach (var channel in new[] { bot.AnnouncementChannel, leadership })
        {
            var announcement = Announcement(channel, "INC-1");
            Assert.Contains("*Status:* identified", Text(announcement), StringComparison.Ordinal);
            Assert.DoesNotContain("overdue", Text(announcement), StringComparison.Ordinal);
            var thread = Thread(channel, announcement).Select(Text).ToList();
            Assert.Contains(thread, t => t.Contains("*Status* investigating → *identified*", StringComparison.Ordinal));
            Assert.Contains(thread, t => t.Contains("*Update* · identified", StringComparison.Ordinal) && t.Contains("Bad deploy found; rolling back", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_acknowledgement_adds_who_and_how_long_after_the_declaration_to_the_thread_once()
    {
        var room = await DeclareAsync("create Checkout down sev2");
        var announcement = Announcement(bot.AnnouncementChannel, "INC-1");
        time.Advance(TimeSpan.FromMinutes(4));

        await ChangeAsync("ack", room, "U0LEAD");
        await ChangeAsync("ack", room, BotHost.Reporter);

        var line = Assert.Single(Thread(bot.AnnouncementChannel, announcement));
        Assert.Equal("✅ *Acknowledged* by <@U0LEAD> after 4 min", line.Text.Trim());
    }

    [Fact]
    public async Task A_drills_acknowledgement_adds_nothing_to_the_announcement_channel()
    {
        await bot.ReplyAsync("drill Database failover sev2");
        await bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("drill-inc-", StringComparison.Ordinal)).Id;
        var before = slack.Messages(bot.AnnouncementChannel).Count;

        await ChangeAsync("ack", room);

        Assert.Equal(before, slack.Messages(bot.AnnouncementChannel).Count);
        Assert.DoesNotContain(slack.Messages(bot.AnnouncementChannel), m => m.Text.Contains("Acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_private_incident_never_reaches_the_announcement_or_the_stakeholder_channel()
    {
        using (await bot.InteractionAsync(DeclarationForm.Submission("Card data exposed", "SEV-1", impact: "PANs in logs", isPrivate: true)))
        {
        }

        await bot.OutboxDrainedAsync();
        var room = slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
        await ChangeAsync("ack", room);
        await ChangeAsync("severity SEV-2", room);
        await ChangeAsync("update Keys rotated", room);
        await ChangeAsync("severity SEV-1", room);
        time.Advance(TimeSpan.FromMinutes(40));
        await ChangeAsync("resolve", room);
        await ChangeAsync("close", room);

        Assert.Empty(slack.Messages(bot.AnnouncementChannel));
        Assert.Empty(slack.Messages(leadership));
        Assert.Empty(bot.Store.Find(new IncidentId(1))!.Announcements);
        Assert.DoesNotContain(slack.Calls(), c => (string?)c.Args["channel"] == bot.AnnouncementChannel || (string?)c.Args["channel"] == leadership);
    }

    private async Task<string> DeclareAsync(string command)
    {
        var before = slack.Channels.Count(c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        await bot.ReplyAsync(command);
        await bot.OutboxDrainedAsync();
        return slack.Channels.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Skip(before).Single().Id;
    }

    private async Task ChangeAsync(string command, string room, string user = BotHost.Reporter)
    {
        await bot.ReplyAsync(command, user, room);
        await bot.OutboxDrainedAsync();
    }

    private List<FakeMessage> Reminders(string room) => [.. slack.Messages(room).Where(m => m.Text.StartsWith('⏰'))];

    private FakeMessage Announcement(string channel, string incident) =>
        Assert.Single(slack.Messages(channel), m => m.ThreadTs is null && Text(m).Contains(incident, StringComparison.Ordinal));

    private List<FakeMessage> Thread(string channel, FakeMessage announcement) =>
        [.. slack.Messages(channel).Where(m => m.ThreadTs == announcement.Ts)];

    /// <summary>The minutes the announcement in <paramref name="channel"/> says the last update is ago; null while it marks nothing.</summary>
    private int? MinutesAgo(string channel) =>
        Regex.Match(Text(Announcement(channel, "INC-1")), @"last update (\d+) min ago") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string Text(FakeMessage message) => IncidentCommandTests.Flatten(message);
}
