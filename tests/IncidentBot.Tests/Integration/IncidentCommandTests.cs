using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Tests.Fakes;

namespace IncidentBot.Tests.Integration;

/// <summary>Each <c>/incident</c> command through the real host, asserting on what Slack received.</summary>
public sealed class IncidentCommandTests : BotTest
{
    private const string Lead = "U0LEAD";

    [Fact]
    public async Task Create_declares_with_war_room_invite_pinned_declaration_topic_and_announcement()
    {
        var reply = await Bot.ReplyAsync("create Checkout returns 500s sev1");

        Assert.Contains("Declaring *INC-1* (SEV-1): Checkout returns 500s", reply, StringComparison.Ordinal);
        await Bot.OutboxDrainedAsync();

        var room = Assert.Single(Slack.Channels, c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        Assert.Matches(@"^inc-\d{4}-\d{2}-\d{2}-checkout-returns-500s$", room.Name);
        Assert.Contains(BotHost.Reporter, room.Members);
        var declaration = Assert.Single(Slack.Messages(room.Id));
        var text = Flatten(declaration);
        Assert.Contains("SEV-1", text, StringComparison.Ordinal);
        Assert.Contains("Checkout returns 500s", text, StringComparison.Ordinal);
        Assert.Contains($"*Commander:* <@{BotHost.Reporter}>", text, StringComparison.Ordinal);
        Assert.Contains("next update due <!date^", text, StringComparison.Ordinal);
        Assert.Equal([declaration.Ts], Slack.Pins(room.Id));
        Assert.StartsWith("INC-1 · SEV-1 · investigating", room.Topic, StringComparison.Ordinal);
        var announcement = Assert.Single(Slack.Messages(Bot.AnnouncementChannel));
        Assert.Contains($"<#{room.Id}>", Flatten(announcement), StringComparison.Ordinal);
        // The channel comes first; then the declaration is posted and pinned while invite, topic and announcement run beside it.
        var calls = Slack.Calls().Select(c => c.Method).Where(m => m != SlackCalls.StartProbe).ToList();
        Assert.Equal(["chat.postMessage", "chat.postMessage", "conversations.create", "conversations.invite", "conversations.setTopic", "pins.add"], calls.Order(StringComparer.Ordinal));
        Assert.Equal("conversations.create", calls[0]);
        var declarationPost = Slack.Calls("chat.postMessage").Single(c => (string?)c.Args["channel"] == room.Id);
        Assert.True(declarationPost.At <= Slack.Calls("pins.add")[0].At);
    }

    [Fact]
    public async Task Severity_at_the_end_of_the_text_and_the_default_when_none()
    {
        Assert.Contains("(SEV-2)", await Bot.ReplyAsync("create Login slow p1"), StringComparison.Ordinal);
        Assert.Contains("(SEV-3)", await Bot.ReplyAsync("create Dashboard typo"), StringComparison.Ordinal);
        await Bot.OutboxDrainedAsync();
        Assert.Contains(Slack.Channels, c => c.Name.EndsWith("-login-slow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Severity_change_in_war_room_posts_and_edits_pinned_declaration()
    {
        var room = await DeclareAsync("create DB failover sev3");

        var reply = await Bot.ReplyAsync("severity SEV-1", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Contains("INC-1 is now SEV-1", reply, StringComparison.Ordinal);
        var posted = Slack.Messages(room);
        Assert.Contains("SEV-3 → *SEV-1*", Flatten(posted[^1]), StringComparison.Ordinal);
        var update = Slack.Calls("chat.update").Last(c => (string?)c.Args["channel"] == room);
        Assert.Equal(Slack.Pins(room)[0], (string?)update.Args["ts"]);
        Assert.Contains("SEV-1", update.Args["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("SEV-1", Slack.Channel(room).Topic, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, Bot.Store.FindByWarRoom(new SlackChannelId(room))!.Status);
    }

    [Fact]
    public async Task An_unknown_severity_is_explained_with_the_configured_ones()
    {
        var room = await DeclareAsync("create DB failover");
        var reply = await Bot.ReplyAsync("severity SEV-9", channel: room);
        Assert.Contains("`SEV-9` is not a severity. Use one of SEV-1, SEV-2, SEV-3, SEV-4", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_are_assigned_invited_announced_and_shown_on_the_declaration()
    {
        var room = await DeclareAsync("create DB failover");

        var reply = await Bot.ReplyAsync($"lead <@{Lead}|lee>", channel: room);
        await Bot.ReplyAsync("scribe <@U0SCRIBE>", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Contains($"<@{Lead}> is now Tech lead of INC-1", reply, StringComparison.Ordinal);
        Assert.Contains(Lead, Slack.Channel(room).Members);
        Assert.Contains("U0SCRIBE", Slack.Channel(room).Members);
        Assert.Contains(Slack.Messages(room), m => Flatten(m).Contains($"<@{Lead}> is now *Tech lead*", StringComparison.Ordinal));
        var declaration = Slack.Messages(room)[0];
        Assert.Contains($"*Tech lead:* <@{Lead}>", Flatten(declaration), StringComparison.Ordinal);
        Assert.Contains("*Scribe:* <@U0SCRIBE>", Flatten(declaration), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_moves_the_state_machine_and_an_illegal_move_is_explained_not_applied()
    {
        var room = await DeclareAsync("create DB failover");

        Assert.Contains("now identified", await Bot.ReplyAsync("status identified", channel: room), StringComparison.Ordinal);
        var refused = await Bot.ReplyAsync("status identified", channel: room);
        var bogus = await Bot.ReplyAsync("status fixed", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Contains("Not done: the incident is already identified", refused, StringComparison.Ordinal);
        Assert.Contains("`fixed` is not a status", bogus, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Identified, Bot.Store.FindByWarRoom(new SlackChannelId(room))!.Status);
        Assert.Single(Slack.Messages(room), m => Flatten(m).Contains("*Status* investigating → *identified*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_posts_a_templated_update_and_resets_the_cadence()
    {
        var room = await DeclareAsync("create DB failover sev1");
        var dueBefore = Bot.Store.FindByWarRoom(new SlackChannelId(room))!.NextUpdateDue;

        var reply = await Bot.ReplyAsync("update Failover done <!channel>, replication catching up", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Contains("Update posted. Next update due", reply, StringComparison.Ordinal);
        var update = Flatten(Slack.Messages(room)[^1]);
        Assert.Contains("Failover done &lt;!channel&gt;, replication catching up", update, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", update, StringComparison.Ordinal);
        Assert.True(Bot.Store.FindByWarRoom(new SlackChannelId(room))!.NextUpdateDue >= dueBefore);
        Assert.Contains(Bot.Store.Timeline(Bot.Store.FindByWarRoom(new SlackChannelId(room))!.Id), e => e.Kind == TimelineKind.Update);
    }

    [Fact]
    public async Task Resolve_posts_duration_resolution_and_the_post_mortem_deadline_then_close_archives()
    {
        var room = await DeclareAsync("create DB failover sev2");

        await Bot.ReplyAsync("resolve Failed over to the replica", channel: room);
        var closed = await Bot.ReplyAsync("close", channel: room);
        await Bot.OutboxDrainedAsync();

        var resolved = Flatten(Slack.Messages(room).Single(m => Flatten(m).Contains("resolved", StringComparison.Ordinal) && Flatten(m).Contains("Resolution", StringComparison.Ordinal)));
        Assert.Contains("*Resolution:* Failed over to the replica", resolved, StringComparison.Ordinal);
        Assert.Contains("after *0m*", resolved, StringComparison.Ordinal);
        Assert.Contains("post-mortem is *required* for SEV-2: due <!date^", resolved, StringComparison.Ordinal);
        Assert.Contains("INC-1 is closed", closed, StringComparison.Ordinal);
        Assert.True(Slack.Channel(room).IsArchived);
        Assert.Equal(IncidentStatus.Closed, Bot.Store.Find(new IncidentId(1))!.Status);
    }

    [Fact]
    public async Task Close_before_resolve_is_refused_with_what_to_do()
    {
        var room = await DeclareAsync("create DB failover");
        var reply = await Bot.ReplyAsync("close", channel: room);
        Assert.Contains("only a resolved incident can be closed; resolve it first", reply, StringComparison.Ordinal);
        Assert.False(Slack.Channel(room).IsArchived);
    }

    [Fact]
    public async Task Only_role_holders_change_severity_and_others_are_told_who_can()
    {
        var room = await DeclareAsync("create DB failover");

        var reply = await Bot.ReplyAsync("severity sev1", user: "U0BYSTANDER", channel: room);

        Assert.Contains($"Only INC-1's role holders can change the severity of it: Incident commander <@{BotHost.Reporter}>", reply, StringComparison.Ordinal);
        Assert.Equal("SEV-3", Bot.Store.FindByWarRoom(new SlackChannelId(room))!.Severity);
        Assert.Contains(Bot.Store.AuditLog(new IncidentId(1)), a => a.User.Value == "U0BYSTANDER" && a.Outcome.StartsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_id_first_form_works_from_outside_the_war_room()
    {
        await DeclareAsync("create DB failover");
        var reply = await Bot.ReplyAsync("severity INC-1 SEV-2");
        Assert.Contains("INC-1 is now SEV-2", reply, StringComparison.Ordinal);
        var missing = await Bot.ReplyAsync("severity INC-99 SEV-2");
        Assert.Contains("There is no incident INC-99", missing, StringComparison.Ordinal);
        var notHere = await Bot.ReplyAsync("severity SEV-2");
        Assert.Contains("not an incident's war room", notHere, StringComparison.Ordinal);
        Assert.Contains("`/incident severity INC-42 SEV-2`", notHere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_open_incidents_and_hides_private_ones_from_outsiders()
    {
        await DeclareAsync("create Public outage sev2");
        await SubmitFormAsync("Secret breach", "SEV-1", isPrivate: true);
        await Bot.OutboxDrainedAsync();

        var mine = await Bot.ReplyAsync("list");
        var theirs = await Bot.ReplyAsync("list", user: "U0OUTSIDER");

        Assert.Contains("*INC-1* SEV-2 · investigating", mine, StringComparison.Ordinal);
        Assert.Contains("Secret breach", mine, StringComparison.Ordinal);
        Assert.Contains("Public outage", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret breach", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_without_text_opens_the_form_and_its_submission_declares_a_private_incident()
    {
        var reply = await Bot.ReplyAsync("create");
        var open = await Slack.WaitForCallAsync("views.open");
        Assert.Contains("form", reply, StringComparison.Ordinal);
        Assert.Equal("incident_create", (string?)open.Args["view"]!["callback_id"]);

        await SubmitFormAsync("Card data exposure", "SEV-1", isPrivate: true);
        await Bot.OutboxDrainedAsync();

        var room = Assert.Single(Slack.Channels, c => c.Name.Contains("card-data-exposure", StringComparison.Ordinal));
        Assert.True(room.IsPrivate);
        Assert.Contains("EU and US card holders", Flatten(Slack.Messages(room.Id)[0]), StringComparison.Ordinal);
        Assert.Empty(Slack.Messages(Bot.AnnouncementChannel));
    }

    [Fact]
    public async Task A_form_without_a_title_stays_open_with_the_error()
    {
        using var response = await Bot.InteractionAsync(DeclarationForm.Submission("", "SEV-1", impact: "EU and US card holders"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)json["response_action"]);
        Assert.NotNull(json["errors"]!["title"]);
        Assert.Empty(Bot.Store.ListOpen());
    }

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("frobnicate now")]
    public async Task Help_unknown_words_and_empty_get_the_grammar_and_severities(string text)
    {
        var reply = await Bot.ReplyAsync(text);
        Assert.Contains("/incident create &lt;title&gt; [severity]", reply, StringComparison.Ordinal);
        Assert.Contains("*SEV-4* (sev4, p3)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_longest_title_with_channel_pings_gives_a_valid_channel_and_pings_nobody()
    {
        var title = string.Concat(Enumerable.Repeat("<!channel> checkout down & slow ", 100))[..new IncidentBot.Incidents.IncidentLimits().TitleLength];

        await Bot.ReplyAsync("create " + title + " sev1");
        await Bot.OutboxDrainedAsync();

        var room = Assert.Single(Slack.Channels, c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        Assert.Matches("^[a-z0-9_-]{1,80}$", room.Name);
        foreach (var call in Slack.Calls().Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)))
        {
            var text = call.Args["text"]!.ToString() + string.Concat(((JsonArray?)call.Args["blocks"] ?? []).Select(b => b!.ToJsonString()));
            Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        }

        Assert.All(Slack.Calls("chat.postMessage"), c => Assert.InRange(((JsonArray)c.Args["blocks"]!).Count, 1, 50));
    }

    [Fact]
    public async Task Every_command_but_help_and_its_outcome_is_kept_in_the_audit_log()
    {
        var room = await DeclareAsync("create DB failover");
        await Bot.ReplyAsync("help");
        await Bot.ReplyAsync("");
        await Bot.ReplyAsync("sevrity 2", channel: room);
        await Bot.ReplyAsync("list");
        await Bot.ReplyAsync("severity SEV-9", channel: room);
        await Bot.ReplyAsync("severity SEV-2", channel: room);
        await Eventually.TrueAsync(() => Bot.Store.AuditLog(null).Any(a => a.Command == "/incident list"), "the list's entry, written after its answer");

        var log = Bot.Store.AuditLog(null);

        // The list's entry is written after its answer, so it may come after a later change's.
        Assert.Equal(
            ["/incident create DB failover", "/incident list", "/incident severity SEV-2", "/incident severity SEV-9", "/incident sevrity 2"],
            log.Select(a => a.Command).Order(StringComparer.Ordinal));
        Assert.StartsWith("declared SEV-3", Outcome("/incident create DB failover"), StringComparison.Ordinal);
        Assert.Contains("I don't know `sevrity`", Outcome("/incident sevrity 2"), StringComparison.Ordinal);
        Assert.Contains("is not a severity", Outcome("/incident severity SEV-9"), StringComparison.Ordinal);
        Assert.Equal("done", Outcome("/incident severity SEV-2"));
        Assert.All(log, a => Assert.Equal(BotHost.Reporter, a.User.Value));

        string Outcome(string command) => log.Single(a => a.Command == command).Outcome;
    }

    [Fact]
    public async Task When_slack_refuses_the_war_room_the_reporter_is_told_and_nothing_else_is_attempted_twice()
    {
        Slack.ErrorNext("conversations.create", "restricted_action");

        await Bot.ReplyAsync("create Checkout down");
        await Bot.OutboxDrainedAsync();

        var told = Assert.Single(Slack.Ephemerals(Bot.General));
        Assert.Equal(BotHost.Reporter, told.User);
        Assert.Contains("could not create the war room for INC-1", told.Text, StringComparison.Ordinal);
        Assert.Contains("restricted_action", told.Text, StringComparison.Ordinal);
        Assert.Single(Slack.Calls("conversations.create"));
    }

    private async Task<string> DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }

    private async Task SubmitFormAsync(string title, string severity, bool isPrivate)
    {
        using var response = await Bot.InteractionAsync(DeclarationForm.Submission(title, severity, impact: "EU and US card holders", isPrivate: isPrivate));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A message's fallback text and every block's text (a context's first element, an actions block's first button), as one string.</summary>
    internal static string Flatten(FakeMessage message) =>
        message.Text + "\n" + string.Join("\n", (message.Blocks ?? []).Select(b => (string?)b!["text"]?["text"] ?? Text(b["elements"]?[0]?["text"]) ?? ""));

    private static string? Text(JsonNode? node) => node is JsonValue ? (string?)node : (string?)node?["text"];
}
