using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// <c>/incident list</c> is rendered once and shared until something changes, yet each age is as of the moment asked,
/// a change shows at once, and a private incident stays out of the list of whoever is not in it.
/// </summary>
public sealed class ListAgeTests : BotTest
{
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 14, 0, 30));

    private protected override IClock? Clock => clock;

    [Fact]
    public async Task Ages_move_on_the_minute_of_each_incident_and_a_change_shows_at_once()
    {
        await Bot.ReplyAsync("create Checkout down sev2");
        clock.AdvanceSeconds(40);
        await Bot.ReplyAsync("create Search slow sev3");
        await Bot.OutboxDrainedAsync();
        Assert.Contains("*INC-1* SEV-2 · investigating · 0m", await Bot.ReplyAsync("list"), StringComparison.Ordinal);

        // INC-1 is 59 s old, then 60 s: its age moves although nothing changed and INC-2's does not.
        clock.AdvanceSeconds(19);
        Assert.Contains("*INC-1* SEV-2 · investigating · 0m", await Bot.ReplyAsync("list"), StringComparison.Ordinal);
        clock.AdvanceSeconds(1);
        var list = await Bot.ReplyAsync("list");
        Assert.Contains("*INC-1* SEV-2 · investigating · 1m", list, StringComparison.Ordinal);
        Assert.Contains("*INC-2* SEV-3 · investigating · 0m", list, StringComparison.Ordinal);
        clock.AdvanceSeconds(40);
        Assert.Contains("*INC-2* SEV-3 · investigating · 1m", await Bot.ReplyAsync("list"), StringComparison.Ordinal);

        var room = Slack.Channels.First(c => c.Name.EndsWith("-checkout-down", StringComparison.Ordinal)).Id;
        await Bot.ReplyAsync("severity sev1", channel: room);
        Assert.Contains("*INC-1* SEV-1 · investigating · 1m", await Bot.ReplyAsync("list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_incident_is_listed_to_its_members_only_while_the_others_share_the_rest()
    {
        await Bot.ReplyAsync("create Checkout down sev2");
        await Bot.ReplyAsync("create Payroll data exposed sev2 --private");
        await Bot.OutboxDrainedAsync();

        Assert.Contains("*INC-2*", await Bot.ReplyAsync("list"), StringComparison.Ordinal);
        var outsider = await Bot.ReplyAsync("list", user: "U0OUTSIDER");
        Assert.Contains("*INC-1*", outsider, StringComparison.Ordinal);
        Assert.DoesNotContain("INC-2", outsider, StringComparison.Ordinal);
        Assert.Contains("*INC-2*", await Bot.ReplyAsync("list"), StringComparison.Ordinal);
        Assert.DoesNotContain("INC-2", await Bot.ReplyAsync("list", user: "U0OUTSIDER"), StringComparison.Ordinal);
    }
}
