using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Lifecycle;
using IncidentBot.Shortcuts;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>The message shortcuts, as Slack sends them, through the real host against the fake Slack.</summary>
public sealed class MessageShortcutTests : BotTest
{
    private const string Engineer = "U0ENGINEER";

    [Fact]
    public async Task Add_to_timeline_on_a_war_room_message_puts_it_on_that_incidents_timeline()
    {
        var room = await DeclareAsync("create Checkout down sev2");
        var said = Slack.AddMessage(room, Engineer, "DB CPU pinned at 100% since 14:02");

        using (var response = await Bot.InteractionAsync(Clicks.MessageShortcut(ShortcutIds.AddToTimeline, Engineer, room, said.Ts, said.Text)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.OutboxDrainedAsync();
        var note = Assert.Single(Notes(1));
        Assert.Equal(("DB CPU pinned at 100% since 14:02", Engineer, NoteSource.Shortcut), (note.Text, note.AddedBy.Value, note.Source));
        Assert.NotNull(note.Permalink);
        Assert.Contains(Slack.Reactions(room), r => r.Ts == said.Ts);
        Assert.Empty(Slack.Calls("views.open"));
    }

    [Fact]
    public async Task Add_to_timeline_elsewhere_offers_only_the_incidents_the_person_may_see_and_keeps_the_link()
    {
        await DeclareAsync("create Checkout down sev2");
        await DeclareAsync("create Payroll data exposed sev2 --private");
        var said = Slack.AddMessage(Bot.General, Engineer, "Seeing 502s from the payroll export");

        using (await Bot.InteractionAsync(Clicks.MessageShortcut(ShortcutIds.AddToTimeline, Engineer, Bot.General, said.Ts, said.Text)))
        {
        }

        var offeredToEngineer = Options(await Slack.WaitForCallAsync("views.open"));
        Assert.Equal(["1"], offeredToEngineer);

        using (await Bot.InteractionAsync(Clicks.MessageShortcut(ShortcutIds.AddToTimeline, BotHost.Reporter, Bot.General, said.Ts, said.Text)))
        {
        }

        await Eventually.TrueAsync(() => Slack.Calls("views.open").Count == 2, "the reporter's picker");
        var picker = Slack.Calls("views.open")[1].Args["view"]!.AsObject();
        Assert.Equal(["1", "2"], Options(Slack.Calls("views.open")[1]).Order(StringComparer.Ordinal));
        using var picked = await Bot.InteractionAsync(Clicks.Pick(BotHost.Reporter, (string)picker["private_metadata"]!, "2"));
        await Bot.OutboxDrainedAsync();

        Assert.Equal("", await picked.Content.ReadAsStringAsync());
        var note = Assert.Single(Notes(2));
        Assert.Equal(("Seeing 502s from the payroll export", Engineer, NoteSource.Shortcut), (note.Text, note.Author?.Value, note.Source));
        Assert.Contains(Bot.General, note.Permalink, StringComparison.Ordinal);
        Assert.Empty(Notes(1));
    }

    [Fact]
    public async Task A_pick_by_someone_not_in_the_incident_is_refused_and_the_form_says_who_can()
    {
        await DeclareAsync("create Checkout down sev2");
        var said = Slack.AddMessage(Bot.General, Engineer, "Checkout page spins forever");
        using (await Bot.InteractionAsync(Clicks.MessageShortcut(ShortcutIds.AddToTimeline, Engineer, Bot.General, said.Ts, said.Text)))
        {
        }

        var picker = (await Slack.WaitForCallAsync("views.open")).Args["view"]!.AsObject();
        using var picked = await Bot.InteractionAsync(Clicks.Pick(Engineer, (string)picker["private_metadata"]!, "1"));

        var answer = JsonNode.Parse(await picked.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.Contains("Only people in INC-1's war room can add notes to it", (string?)answer["errors"]![ShortcutIds.IncidentBlock], StringComparison.Ordinal);
        Assert.Empty(Notes(1));
    }

    [Fact]
    public async Task Declare_from_a_message_prefills_a_tidy_title_and_puts_the_message_on_the_new_timeline()
    {
        var said = Slack.AddMessage(Bot.General, Engineer, "*Checkout* returns   500s for <https://shop.example.com|the shop> &amp; app\nStarted after the 14:00 deploy");

        using (await Bot.InteractionAsync(Clicks.MessageShortcut(ShortcutIds.DeclareFromMessage, BotHost.Reporter, Bot.General, said.Ts, said.Text)))
        {
        }

        var form = (await Slack.WaitForCallAsync("views.open")).Args["view"]!.AsObject();
        Assert.Equal(ShortcutIds.DeclareForm, (string?)form["callback_id"]);
        var title = form["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == CreateHandler.TitleBlock)!["element"]!["initial_value"];
        Assert.Equal("Checkout returns 500s for the shop & app", (string?)title);

        var submission = DeclarationForm.Submission((string)title!, "SEV-2");
        submission["view"]!["callback_id"] = ShortcutIds.DeclareForm;
        submission["view"]!["private_metadata"] = (string?)form["private_metadata"];
        using (var submitted = await Bot.InteractionAsync(submission))
        {
            Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        }

        await Bot.OutboxDrainedAsync();
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(("Checkout returns 500s for the shop & app", Bot.General), (incident.Title, incident.OriginChannel));
        Assert.NotNull(incident.WarRoom.ChannelId);
        var note = Assert.Single(Notes(1));
        Assert.Equal(said.Text, note.Text);
        Assert.Contains(Bot.General, note.Permalink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shortcut_without_its_message_is_refused_with_a_400_and_opens_nothing()
    {
        var payload = Clicks.MessageShortcut(ShortcutIds.AddToTimeline, Engineer, Bot.General, "1700000000.000100", "text");
        payload.Remove("channel");

        using var response = await Bot.InteractionAsync(payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Slack.Calls("views.open"));
    }

    private static List<string> Options(Fakes.RecordedCall open) =>
        [.. open.Args["view"]!["blocks"]!.AsArray()
            .Single(b => (string?)b!["block_id"] == ShortcutIds.IncidentBlock)!["element"]!["options"]!.AsArray()
            .Select(o => (string)o!["value"]!)];

    private IReadOnlyList<ScribeNote> Notes(int incident) => Bot.Services.GetRequiredService<INoteStore>().ForIncident(new IncidentId(incident));

    private async Task<string> DeclareAsync(string command)
    {
        await Bot.ReplyAsync(command);
        await Bot.OutboxDrainedAsync();
        return Bot.Store.ListOpen().OrderBy(i => i.Id.Value).Last().WarRoom.ChannelId!;
    }
}
