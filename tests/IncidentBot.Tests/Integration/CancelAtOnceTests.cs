namespace IncidentBot.Tests.Integration;

/// <summary>
/// A declaration cancelled at once, while its war room's other lanes are still at work (the responders' invites, slow
/// at Slack), has its room archived only after them: archived first, each would have failed with <c>is_archived</c>.
/// </summary>
public sealed class CancelAtOnceTests : BotTest
{
    private const string Group = "S0ONCALL";

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Incidents:Responders:SEV-1:0"] = Group };

    [Fact]
    public async Task The_war_room_of_a_declaration_cancelled_at_once_is_archived_after_its_responders_are_invited()
    {
        Slack.AddUserGroup(Group, "U0GRP1", "U0GRP2");
        Slack.DelayNext("conversations.invite", TimeSpan.FromMilliseconds(300));

        await Bot.ReplyAsync("create Checkout down sev1");
        var answer = await Bot.ReplyAsync("cancel INC-1 declared by mistake");
        await Bot.OutboxDrainedAsync();

        Assert.StartsWith("INC-1 is cancelled", answer, StringComparison.Ordinal);
        var room = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
        Assert.True(room.IsArchived);
        Assert.Contains("U0GRP1", room.Members);
        Assert.Contains("U0GRP2", room.Members);
        Assert.True(Slack.Calls("conversations.invite")[^1].At <= Slack.Calls("conversations.archive")[^1].At, "every invite is made before the channel goes read-only");
    }
}
