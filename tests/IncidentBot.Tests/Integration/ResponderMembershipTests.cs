using IncidentBot.Escalation;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using NodaTime;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// People a private incident called in through a user group are its members, as someone named is: outside the war room
/// they see it in <c>/incident list</c> and are answered about it as any member without a role; nobody else sees it.
/// </summary>
public sealed class ResponderMembershipTests : BotTest
{
    private const string Group = "S0ONCALL";
    private const string Outsider = "U0OUTSIDER";

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Incidents:Responders:SEV-1:0"] = Group };

    [Fact]
    public async Task A_group_member_sees_the_private_incident_from_elsewhere_and_is_answered_as_a_named_responder_is()
    {
        Slack.AddUserGroup(Group, "U0GRP1", "U0GRP2");
        var room = await DeclarePrivateAsync();
        await Bot.ReplyAsync("escalate <@U0NAMED|named>", channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Contains("Card data exposed", await Bot.ReplyAsync("list", user: "U0GRP1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Card data exposed", await Bot.ReplyAsync("list", user: Outsider), StringComparison.Ordinal);

        var member = await Bot.ReplyAsync("severity INC-1 SEV-2", user: "U0GRP1");
        Assert.StartsWith("Only INC-1's role holders can", member, StringComparison.Ordinal);
        Assert.Equal(member, await Bot.ReplyAsync("severity INC-1 SEV-2", user: "U0NAMED"));
        Assert.Equal("There is no incident INC-1 that you can see. `/incident list` shows the open ones.", await Bot.ReplyAsync("severity INC-1 SEV-2", user: Outsider));
        Assert.StartsWith("Update posted.", await Bot.ReplyAsync("update INC-1 Rotating the leaked keys", user: "U0GRP2"), StringComparison.Ordinal);
        Assert.Equal("SEV-1", Bot.Store.Find(new IncidentId(1))!.Severity);
    }

    [Fact]
    public async Task Neither_the_bot_nor_someone_slack_refused_becomes_a_member_and_a_repeated_step_adds_nobody_twice()
    {
        Slack.AddUserGroup(Group, "U0GRP1", FakeSlackApi.BotUserId, BotHost.Reporter, "U0GONE");
        Slack.ForgetUser("U0GONE");
        await DeclarePrivateAsync();
        var id = new IncidentId(1);
        var timeline = Bot.Store.Timeline(id).Count;

        var now = SystemClock.Instance.GetCurrentInstant();
        var audit = new AuditEntry { At = now, User = new ResponderId(BotHost.Reporter), Channel = new SlackChannelId(Bot.General), IncidentId = id, Command = "test", Outcome = "again" };
        await Bot.Store.EnqueueAsync(audit, OutboxMessage.For(id, new InviteResponders([Group], "SEV-1 responders"), now).InLane(OutboxMessage.InviteLane));
        await Bot.OutboxDrainedAsync();

        var incident = Bot.Store.Find(id)!;
        Assert.Equal([BotHost.Reporter, "U0GRP1"], incident.Responders.Select(r => r.Value));
        Assert.Equal(timeline, Bot.Store.Timeline(id).Count);
        Assert.Contains("There is no incident INC-1", await Bot.ReplyAsync("severity INC-1 SEV-2", user: "U0GONE"), StringComparison.Ordinal);
    }

    private async Task<string> DeclarePrivateAsync()
    {
        await Bot.ReplyAsync("create Card data exposed sev1 --private");
        await Bot.OutboxDrainedAsync();
        var room = Slack.Channels.Single(c => c.Name.Contains("inc-", StringComparison.Ordinal));
        Assert.True(room.IsPrivate);
        Assert.Contains("U0GRP1", room.Members);
        return room.Id;
    }
}
