using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>Who may take command, hand it over, assign and clear roles and act on an incident, through the real host.</summary>
public sealed class AuthorityTests : BotTest
{
    private const string Bystander = "U0BYSTANDER";
    private const string Lead = "U0LEAD";
    private Func<StaleReadStore> store = null!;

    private protected override void ConfigureServices(IServiceCollection services) => store = StaleReadStore.Install(services);

    [Fact]
    public async Task Nobody_takes_command_by_typing_and_the_refusal_names_who_can()
    {
        var room = await DeclareAsync("create DB failover");

        var inRoom = await Bot.ReplyAsync("commander me", user: Bystander, channel: room);
        var fromOutside = await Bot.ReplyAsync("commander INC-1 me", user: Bystander);
        var resolve = await Bot.ReplyAsync("resolve", user: Bystander, channel: room);

        Assert.Equal($"Only the incident commander <@{BotHost.Reporter}> can hand over command of INC-1. Ask them to run `/incident commander @you`.", inRoom);
        Assert.Equal(inRoom, fromOutside);
        Assert.StartsWith($"Only INC-1's role holders can resolve it: Incident commander <@{BotHost.Reporter}>", resolve, StringComparison.Ordinal);
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(new ResponderId(BotHost.Reporter), incident.Holder(IncidentRole.Commander));
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.Equal(3, Bot.Store.AuditLog(new IncidentId(1)).Count(a => a.User.Value == Bystander && a.Outcome == "refused: not allowed"));
    }

    [Fact]
    public async Task A_handover_asks_nothing_of_the_new_commander_and_is_announced_in_the_war_room_and_on_the_timeline()
    {
        var room = await DeclareAsync("create DB failover");

        var handed = await Bot.ReplyAsync("commander <@U0NEWIC|dana>", channel: room);
        await Bot.OutboxDrainedAsync();
        var oldResolves = await Bot.ReplyAsync("resolve", channel: room);
        var newResolves = await Bot.ReplyAsync("resolve rolled back", user: "U0NEWIC", channel: room);

        Assert.Equal("<@U0NEWIC> is now Incident commander of INC-1.", handed);
        Assert.Contains(Slack.Messages(room), m => m.Text.Contains($"<@U0NEWIC> is now *Incident commander*, taking over from <@{BotHost.Reporter}>", StringComparison.Ordinal));
        Assert.Contains("U0NEWIC", Slack.Channel(room).Members);
        Assert.Contains(Bot.Store.Timeline(new IncidentId(1)), e => e.Kind == TimelineKind.RoleAssigned && SlackTimelineText.Summary(e) == $"Incident commander: <@{BotHost.Reporter}> → <@U0NEWIC>");
        Assert.StartsWith("Only INC-1's role holders can resolve it: Incident commander <@U0NEWIC>", oldResolves, StringComparison.Ordinal);
        Assert.Equal("INC-1 is resolved.", newResolves);
    }

    [Fact]
    public async Task Role_holders_assign_the_other_roles_in_the_handbooks_spellings_but_not_command()
    {
        var room = await DeclareAsync("create DB failover");

        await Bot.ReplyAsync($"tech-lead <@{Lead}|lee>", channel: room);
        var scribe = await Bot.ReplyAsync("scribe <@U0SCRIBE|sam>", user: Lead, channel: room);
        var comms = await Bot.ReplyAsync("comms-lead <@U0COMMS|cat>", user: Lead, channel: room);
        var command = await Bot.ReplyAsync("commander me", user: Lead, channel: room);
        var bystander = await Bot.ReplyAsync("scribe me", user: Bystander, channel: room);

        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(new ResponderId(Lead), incident.Holder(IncidentRole.TechLead));
        Assert.Equal("<@U0SCRIBE> is now Scribe of INC-1.", scribe);
        Assert.Equal(new ResponderId("U0COMMS"), incident.Holder(IncidentRole.CommsLead));
        Assert.Equal("<@U0COMMS> is now Comms lead of INC-1.", comms);
        Assert.StartsWith($"Only the incident commander <@{BotHost.Reporter}> can hand over command", command, StringComparison.Ordinal);
        Assert.StartsWith($"Only INC-1's role holders can assign its roles: Incident commander <@{BotHost.Reporter}>, Tech lead <@{Lead}>", bystander, StringComparison.Ordinal);
        Assert.Equal(new ResponderId(BotHost.Reporter), incident.Holder(IncidentRole.Commander));
    }

    [Fact]
    public async Task Roles_can_be_cleared_and_an_empty_command_is_for_anyone_in_the_war_room_to_take()
    {
        var room = await DeclareAsync("create DB failover");
        await Bot.ReplyAsync($"lead <@{Lead}|lee>", channel: room);

        var cleared = await Bot.ReplyAsync("lead none", channel: room);
        var steppedDown = await Bot.ReplyAsync("commander none", channel: room);
        var outsider = await Bot.ReplyAsync("commander INC-1 me", user: Bystander);
        var taken = await Bot.ReplyAsync("commander me", user: Bystander, channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Equal("Nobody is Tech lead of INC-1 now.", cleared);
        Assert.Equal("Nobody is Incident commander of INC-1 now.", steppedDown);
        Assert.Equal("INC-1 has no commander: anyone in its war room can take command with `/incident commander me`.", outsider);
        Assert.Equal($"<@{Bystander}> is now Incident commander of INC-1.", taken);
        Assert.Contains(Slack.Messages(room), m => m.Text.Contains($"<@{Bystander}> is now *Incident commander* (took it)", StringComparison.Ordinal));
        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Null(incident.Holder(IncidentRole.TechLead));
        Assert.Equal(new ResponderId(Bystander), incident.Holder(IncidentRole.Commander));
        Assert.Contains(Slack.Messages(room), m => m.Text.Contains($"Nobody is *Tech lead* now (<@{Lead}> was; cleared by <@{BotHost.Reporter}>)", StringComparison.Ordinal));
        Assert.Contains(Bot.Store.Timeline(incident.Id), e => SlackTimelineText.Summary(e) == $"Incident commander: <@{BotHost.Reporter}> → nobody");
    }

    [Fact]
    public async Task A_role_lost_between_a_commands_read_and_its_write_no_longer_counts()
    {
        var room = await DeclareAsync("create DB failover");
        store().HoldNextFind();

        // The old commander's resolve reads the incident while they still command it, then waits; meanwhile they hand over.
        var resolve = Bot.ReplyAsync("resolve", channel: room);
        await store().Read;
        var handover = await Bot.ReplyAsync("commander <@U0NEWIC|dana>", channel: room);
        store().Release();
        var refused = await resolve;

        Assert.Equal("<@U0NEWIC> is now Incident commander of INC-1.", handover);
        Assert.StartsWith("Only INC-1's role holders can resolve it: Incident commander <@U0NEWIC>", refused, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Investigating, Bot.Store.Find(new IncidentId(1))!.Status);
    }

    [Fact]
    public async Task An_update_note_or_action_item_on_another_incident_needs_a_role_in_it_or_its_war_room()
    {
        var first = await DeclareAsync("create DB failover");
        await Bot.ReplyAsync("create Queue backlog", user: "U0OTHERIC");
        await Bot.OutboxDrainedAsync();
        var second = Bot.Store.Find(new IncidentId(2))!.WarRoom.ChannelId!;

        var update = await Bot.ReplyAsync("update INC-1 all fixed, go home", user: "U0OTHERIC", channel: second);
        var note = await Bot.ReplyAsync("note INC-1 nothing to see", user: "U0OTHERIC", channel: second);
        var action = await Bot.ReplyAsync("action INC-1 delete the alerts", user: "U0OTHERIC", channel: second);
        var own = await Bot.ReplyAsync("update INC-1 failover done, watching", channel: second);
        await Bot.OutboxDrainedAsync();

        var expected = $"Only people in INC-1's war room can post updates to it. Ask its commander <@{BotHost.Reporter}> to invite you, or run it in the war room.";
        Assert.Equal(expected, update);
        Assert.StartsWith("Only people in INC-1's war room can add notes to it.", note, StringComparison.Ordinal);
        Assert.StartsWith("Only people in INC-1's war room can add action items to it.", action, StringComparison.Ordinal);
        Assert.StartsWith("Update posted.", own, StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Messages(first), m => IncidentCommandTests.Flatten(m).Contains("go home", StringComparison.Ordinal));
        Assert.Empty(Bot.Services.GetRequiredService<INoteStore>().ForIncident(new IncidentId(1)));
        Assert.Empty(Bot.Store.Find(new IncidentId(1))!.ActionItems);
    }

    private async Task<string> DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
        return Bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId!;
    }
}
