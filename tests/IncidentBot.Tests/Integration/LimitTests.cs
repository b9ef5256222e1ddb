using System.Text.Json.Nodes;
using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.StatusPages;
using IncidentBot.Storage;
using IncidentBot.Tests.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// The incident's limits through the real host: a command over one is answered saying the limit, a form gets a field
/// error, nothing is stored, and text from an alert is cut with a marker instead. Counts are set low here; text
/// lengths are the defaults.
/// </summary>
public sealed class LimitTests : BotTest
{
    private static readonly IncidentId First = new(1);

    [Fact]
    public async Task A_title_over_the_limit_is_refused_saying_the_limit_and_nothing_is_declared()
    {
        var reply = await Bot.ReplyAsync("create " + new string('x', 212));
        await Bot.OutboxDrainedAsync();

        Assert.Equal("Not declared: a title is at most 150 characters; this one has 212.", reply);
        Assert.Empty(Bot.Store.ListOpen());
        Assert.Empty(Slack.Calls("conversations.create"));
    }

    [Fact]
    public async Task The_declaration_form_answers_a_long_title_or_impact_with_a_field_error()
    {
        using var title = await Bot.InteractionAsync(DeclarationForm.Submission(new string('t', 151), "SEV-1"));
        using var impact = await Bot.InteractionAsync(DeclarationForm.Submission("Checkout down", "SEV-1", impact: new string('i', 3001)));

        var titleErrors = JsonNode.Parse(await title.Content.ReadAsStringAsync())!;
        var impactErrors = JsonNode.Parse(await impact.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)titleErrors["response_action"]);
        Assert.Equal("A title is at most 150 characters; this one has 151.", (string?)titleErrors["errors"]!["title"]);
        Assert.Equal("The impact is at most 3,000 characters; this one has 3,001.", (string?)impactErrors["errors"]!["impact"]);
        Assert.Empty(Bot.Store.ListOpen());
    }

    [Fact]
    public async Task An_update_over_the_limit_is_refused_by_command_and_by_form()
    {
        var room = await DeclareAsync();

        var reply = await Bot.ReplyAsync("update " + new string('u', 3001), channel: room);
        using var form = await Bot.InteractionAsync(ReminderTests.UpdateSubmission("1|", "investigating", new string('u', 3002)));

        Assert.Equal("Not done: an update is at most 3,000 characters; this one has 3,001.", reply);
        var errors = JsonNode.Parse(await form.Content.ReadAsStringAsync())!;
        Assert.Equal("Not posted: an update is at most 3,000 characters; this one has 3,002.", (string?)errors["errors"]!["text"]);
        Assert.DoesNotContain(Bot.Store.Timeline(First), e => e.Kind == TimelineKind.Update);
        Assert.Contains(Bot.Store.AuditLog(First), a => a.Outcome == "refused: over a limit");
    }

    [Fact]
    public async Task Updates_stop_at_the_timeline_limit_while_the_incident_can_still_be_resolved()
    {
        var room = await DeclareAsync();
        await Bot.ReplyAsync("update Rolling back", channel: room);
        await Bot.ReplyAsync("update Rolled back", channel: room);

        var third = await Bot.ReplyAsync("update Still watching", channel: room);
        var resolved = await Bot.ReplyAsync("resolve Rolled back", channel: room);

        Assert.Equal("Not done: an incident's timeline holds at most 2 updates and drafts; it has 2.", third);
        Assert.Equal(2, Bot.Store.Timeline(First).Count(e => e.Kind == TimelineKind.Update));
        Assert.DoesNotContain("Not done", resolved, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Resolved, Bot.Store.Find(First)!.Status);
    }

    [Fact]
    public async Task A_status_page_draft_over_the_limit_gets_a_field_error()
    {
        await DeclareAsync();

        using var form = await Bot.InteractionAsync(StatusPageTests.Submission("1", new string('s', 3001), BotHost.Reporter));

        var errors = JsonNode.Parse(await form.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)errors["response_action"]);
        Assert.Contains("a status-page draft is at most 3,000 characters; this one has 3,001", (string?)errors["errors"]![StatusPageHandler.TextBlock], StringComparison.Ordinal);
        Assert.DoesNotContain(Bot.Store.Timeline(First), e => e.Kind == TimelineKind.StatusPage);
    }

    [Fact]
    public async Task A_resolution_over_the_limit_is_refused()
    {
        var room = await DeclareAsync();

        var reply = await Bot.ReplyAsync("resolve " + new string('r', 3001), channel: room);

        Assert.Equal("Not done: a resolution is at most 3,000 characters; this one has 3,001.", reply);
        Assert.True(Bot.Store.Find(First)!.IsOpen);
    }

    [Fact]
    public async Task Action_items_stop_at_the_limit_and_a_long_one_is_refused()
    {
        var room = await DeclareAsync();
        var tooLong = await Bot.ReplyAsync("action " + new string('a', 501), channel: room);
        await Bot.ReplyAsync("action Alert on the 5xx rate", channel: room);
        await Bot.ReplyAsync("action Canary deploys", channel: room);

        var third = await Bot.ReplyAsync("action Write the customer note", channel: room);

        Assert.Equal("Not done: an action item is at most 500 characters; this one has 501.", tooLong);
        Assert.Equal("Not done: an incident holds at most 2 action items; mark some done or keep them elsewhere.", third);
        Assert.Equal(["Alert on the 5xx rate", "Canary deploys"], Bot.Store.Find(First)!.ActionItems.Select(a => a.Text));
    }

    [Fact]
    public async Task Escalating_past_the_limit_is_refused_and_calls_nobody()
    {
        var room = await DeclareAsync();

        var reply = await Bot.ReplyAsync("escalate <@U0CTO|cto> <@U0VP|vp>", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Equal("Not done: an incident calls in at most 1 people and groups; it has called 0.", reply);
        Assert.Empty(Bot.Store.Find(First)!.EscalatedTo);
        Assert.Empty(Slack.DirectMessages("U0CTO"));
    }

    [Fact]
    public async Task Notes_stop_at_the_limit_and_a_long_one_is_refused()
    {
        var room = await DeclareAsync();
        var tooLong = await Bot.ReplyAsync("note " + new string('n', 4001), channel: room);
        await Bot.ReplyAsync("note DB CPU back under 50%", channel: room);

        var second = await Bot.ReplyAsync("note Error rate falling", channel: room);

        Assert.Equal("Not done: a note is at most 4,000 characters; this one has 4,001.", tooLong);
        Assert.Equal("Not done: an incident holds at most 1 notes; it has 1.", second);
        Assert.Equal("DB CPU back under 50%", Assert.Single(Bot.Services.GetRequiredService<INoteStore>().ForIncident(First)).Text);
    }

    [Fact]
    public async Task An_alert_with_a_long_title_declares_with_the_title_cut_and_marked()
    {
        var body = AlertHost.Fixture("pagerduty-incident-triggered.json", j => j["event"]!["data"]!["title"] = "Checkout API error rate above 5% " + new string('e', 300));

        await using var alerted = BotHost.Start(Slack, settings: AlertHost.Settings());
        using var response = await AlertHost.PagerDutyAsync(alerted, body);

        Assert.Equal("declared", (string?)(await AlertHost.JsonAsync(response))["outcome"]);
        var title = Assert.Single(alerted.Store.ListOpen()).Title;
        Assert.Equal(150, title.Length);
        Assert.StartsWith("Checkout API error rate above 5% eee", title, StringComparison.Ordinal);
        Assert.EndsWith(IncidentLimits.CutMarker, title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_that_is_not_a_positive_number_stops_the_start_naming_it()
    {
        var result = new LimitsValidator().Validate(null, new IncidentLimits { ActionItems = 0, NoteLength = -1 });

        Assert.Equal(["Limits:NoteLength must be a positive number, not -1.", "Limits:ActionItems must be a positive number, not 0."], result.Failures);
    }

    private protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<IncidentLimits>(l => (l.ActionItems, l.Notes, l.EscalationTargets, l.TimelineEntries) = (2, 1, 1, 2));

    private async Task<string> DeclareAsync()
    {
        await Bot.ReplyAsync("create Checkout returns 500s");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
