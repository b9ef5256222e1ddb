using IncidentBot.Incidents;

namespace IncidentBot.Tests.Integration;

/// <summary>One answer per command: a change typed in its war room is answered by the war room's post alone, by default.</summary>
public sealed class EchoTests : BotTest
{
    private protected override IDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        // The product's default (checked below), over the test host's echo.
        ["Incidents:EchoWarRoomChanges"] = "false",
    };

    [Fact]
    public void By_default_a_war_room_change_is_not_echoed()
    {
        Assert.False(new IncidentsOptions().EchoWarRoomChanges);
    }

    [Theory]
    [InlineData("severity sev1", "Severity raised")]
    [InlineData("status identified", "*Status* investigating → *identified*")]
    [InlineData("update Rolled back the deploy", "Rolled back the deploy")]
    [InlineData("commander <@U0OTHER>", "is now *Incident commander*")]
    [InlineData("resolve Rolled back", "resolved")]
    public async Task A_change_typed_in_the_war_room_gets_only_the_war_rooms_post(string command, string posted)
    {
        var room = await DeclareAsync();

        var (status, reply) = await Bot.CommandAsync(command, channel: room);
        await Bot.OutboxDrainedAsync();

        Assert.Equal(200, status);
        Assert.Null(reply);
        Assert.Contains(posted, IncidentCommandTests.Flatten(Slack.Messages(room)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_typed_elsewhere_is_still_answered_where_it_was_typed()
    {
        var room = await DeclareAsync();

        var reply = await Bot.ReplyAsync("severity sev1 INC-1");
        await Bot.OutboxDrainedAsync();

        Assert.Equal("INC-1 is now SEV-1.", reply);
        Assert.Contains("SEV-2 → *SEV-1*", IncidentCommandTests.Flatten(Slack.Messages(room)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_and_a_read_are_answered_in_the_war_room()
    {
        var room = await DeclareAsync();

        Assert.Contains("not a severity", await Bot.ReplyAsync("severity sev9", channel: room), StringComparison.Ordinal);
        Assert.Contains("*Timeline of INC-1*", await Bot.ReplyAsync("timeline", channel: room), StringComparison.Ordinal);
    }

    private async Task<string> DeclareAsync()
    {
        await Bot.ReplyAsync("create Checkout returns 500s sev2");
        await Bot.OutboxDrainedAsync();
        return Slack.Channels.Last(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).Id;
    }
}
