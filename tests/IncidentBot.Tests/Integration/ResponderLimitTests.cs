using IncidentBot.Incidents;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// An incident records at most <c>Limits:Responders</c> members: a user group larger than that still gets into the war
/// room, but the incident does not grow past the limit, and whoever is past it sees the private incident only inside.
/// </summary>
public sealed class ResponderLimitTests : BotTest
{
    private const string Group = "S0EVERYONE";

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Incidents:Responders:SEV-1:0"] = Group,
        ["Limits:Responders"] = "3",
    };

    [Fact]
    public async Task A_group_larger_than_the_limit_all_gets_into_the_war_room_and_the_incident_records_only_up_to_it()
    {
        Slack.AddUserGroup(Group, "U0GRP1", "U0GRP2", "U0GRP3", "U0GRP4");
        await Bot.ReplyAsync("create Card data exposed sev1 --private");
        await Bot.OutboxDrainedAsync();

        var room = Slack.Channels.Single(c => c.Name.Contains("inc-", StringComparison.Ordinal));
        Assert.Superset(new HashSet<string>(["U0GRP1", "U0GRP2", "U0GRP3", "U0GRP4"]), room.Members.ToHashSet());
        Assert.Equal([BotHost.Reporter, "U0GRP1", "U0GRP2"], Bot.Store.Find(new IncidentId(1))!.Responders.Select(r => r.Value));
        Assert.Contains("Card data exposed", await Bot.ReplyAsync("list", user: "U0GRP2"), StringComparison.Ordinal);
        Assert.DoesNotContain("Card data exposed", await Bot.ReplyAsync("list", user: "U0GRP4"), StringComparison.Ordinal);
    }
}
