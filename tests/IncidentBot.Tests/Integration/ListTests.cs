namespace IncidentBot.Tests.Integration;

/// <summary><c>/incident list</c> says what is open: resolved incidents wait apart for their close; cancelled ones are gone.</summary>
public sealed class ListTests : BotTest
{
    [Fact]
    public async Task Resolved_incidents_are_listed_apart_as_awaiting_close_and_cancelled_ones_not_at_all()
    {
        await Bot.ReplyAsync("create Checkout down sev1");
        await Bot.ReplyAsync("create Search slow sev3");
        await Bot.ReplyAsync("create Wrong alarm sev3");
        await Bot.OutboxDrainedAsync();
        await Bot.ReplyAsync("resolve INC-1 rolled back");
        await Bot.ReplyAsync("cancel INC-3 declared by mistake");

        var list = await Bot.ReplyAsync("list");

        var awaiting = list.IndexOf("*Awaiting close (1):*", StringComparison.Ordinal);
        Assert.True(awaiting > 0, list);
        var open = list[..awaiting];
        Assert.StartsWith("*Open incidents (1):*", open, StringComparison.Ordinal);
        Assert.Contains("*INC-2*", open, StringComparison.Ordinal);
        Assert.DoesNotContain("INC-1", open, StringComparison.Ordinal);
        Assert.Contains("*INC-1* SEV-1 · resolved", list[awaiting..], StringComparison.Ordinal);
        Assert.DoesNotContain("INC-3", list, StringComparison.Ordinal);
    }
}
