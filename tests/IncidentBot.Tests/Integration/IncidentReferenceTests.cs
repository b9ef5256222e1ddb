using IncidentBot.Incidents;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// Where a typed incident id may stand: first, or last after a choice (a person, a severity, a status), as a tired
/// commander types it; never taken from the end of free text, which stays in the war room it was typed in.
/// </summary>
public sealed class IncidentReferenceTests : BotTest
{
    [Fact]
    public async Task Typed_outside_the_war_room_a_last_word_id_names_the_incident_for_a_role_a_severity_and_a_status()
    {
        await DeclareAsync("create DB failover sev1");

        var handed = await Bot.ReplyAsync("commander <@U0LEAD|lee> INC-1");
        var severity = await Bot.ReplyAsync("severity sev2 INC-1", user: "U0LEAD");
        var status = await Bot.ReplyAsync("status identified INC-1", user: "U0LEAD");

        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal(new ResponderId("U0LEAD"), incident.Holder(IncidentRole.Commander));
        Assert.Equal("SEV-2", incident.Severity);
        Assert.Equal(IncidentStatus.Identified, incident.Status);
        Assert.DoesNotContain("not an incident's war room", handed + severity + status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_ends_with_another_incident_s_id_is_posted_in_the_war_room_it_was_typed_in()
    {
        await DeclareAsync("create DB failover sev1");
        await DeclareAsync("create Checkout errors sev2");
        var second = Bot.Store.Find(new IncidentId(2))!.WarRoom.ChannelId!;

        await Bot.ReplyAsync("update rolled back, same cause as INC-1", channel: second);

        Assert.Contains(Bot.Store.Timeline(new IncidentId(2)), e => e.Kind == TimelineKind.Update && e.Text.Contains("same cause as INC-1", StringComparison.Ordinal));
        Assert.DoesNotContain(Bot.Store.Timeline(new IncidentId(1)), e => e.Kind == TimelineKind.Update);
    }

    [Fact]
    public async Task Cancel_inc_2_typed_in_another_war_room_cancels_INC_2_and_leaves_the_room_s_own_incident_open()
    {
        await DeclareAsync("create DB failover sev1");
        await DeclareAsync("create Checkout errors sev2");
        var first = Bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId!;

        var reply = await Bot.ReplyAsync("cancel inc 2 declared twice", channel: first);

        Assert.Contains("INC-2", reply, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Cancelled, Bot.Store.Find(new IncidentId(2))!.Status);
        Assert.Contains(Bot.Store.Timeline(new IncidentId(2)), e => e.Text.Contains("declared twice", StringComparison.Ordinal));
        Assert.Equal(IncidentStatus.Investigating, Bot.Store.Find(new IncidentId(1))!.Status);
    }

    [Fact]
    public async Task An_id_typed_without_its_dash_or_as_two_words_names_the_incident_first_or_last()
    {
        await DeclareAsync("create DB failover sev1");

        var severity = await Bot.ReplyAsync("severity sev2 inc 1");
        var status = await Bot.ReplyAsync("status INC1 identified");

        var incident = Bot.Store.Find(new IncidentId(1))!;
        Assert.Equal("SEV-2", incident.Severity);
        Assert.Equal(IncidentStatus.Identified, incident.Status);
        Assert.DoesNotContain("not an incident's war room", severity + status, StringComparison.Ordinal);
    }

    private async Task DeclareAsync(string text)
    {
        await Bot.ReplyAsync(text);
        await Bot.OutboxDrainedAsync();
    }
}
