using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Storage;
using IncidentBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Integration;

/// <summary>
/// An outbox lane is delivered only by the replica that holds its lease: while another replica holds it, this bot
/// leaves it pending and looks again each second; once it is released, or runs out, this bot delivers it.
/// </summary>
public sealed class OutboxLeaseTests : BotTest
{
    private static readonly string MainLane = OutboxService.LeaseOf((new IncidentId(1), OutboxMessage.MainLane));
    private readonly TestTime time = new();
    private readonly FakeLeaseTable table;
    private readonly FakeLeaseTable.Replica here;
    private readonly FakeLeaseTable.Replica elsewhere;

    public OutboxLeaseTests()
    {
        table = new FakeLeaseTable(time, TimeSpan.FromMinutes(1));
        here = table.Join("here");
        elsewhere = table.Join("elsewhere");
    }

    private protected override TestTime? Time => time;

    [Fact]
    public async Task A_lane_held_by_another_replica_waits_and_is_delivered_once_released()
    {
        Assert.True(await elsewhere.TryHoldAsync(MainLane, CancellationToken.None));

        await Bot.ReplyAsync("create Checkout down sev1");
        await time.AdvanceUntilAsync(() => table.Refused(MainLane, "here") >= 3, "the bot to try for the lane three times", TimeSpan.FromSeconds(1));
        Assert.Empty(Slack.Calls("conversations.create"));
        Assert.NotEmpty(Bot.Store.PendingOutbox());

        await elsewhere.ReleaseAsync(MainLane, CancellationToken.None);
        await time.AdvanceUntilAsync(() => Slack.Calls("conversations.create").Count > 0, "the war room", TimeSpan.FromSeconds(1));
        await Bot.OutboxDrainedAsync();

        await Eventually.TrueAsync(() => table.OwnerOf(MainLane) is null, "the bot to release the lane once it ran");

        Assert.Single(Slack.Calls("conversations.create"));
    }

    [Fact]
    public async Task A_lane_left_by_a_replica_that_died_is_delivered_once_its_lease_runs_out()
    {
        Assert.True(await elsewhere.TryHoldAsync(MainLane, CancellationToken.None));
        elsewhere.Dead = true;

        await Bot.ReplyAsync("create Checkout down sev1");
        await time.AdvanceUntilAsync(() => Slack.Calls("conversations.create").Count > 0, "the war room", TimeSpan.FromSeconds(5));
        await Bot.OutboxDrainedAsync();

        Assert.True(table.Refused(MainLane, "here") > 0);
        Assert.Single(Slack.Calls("conversations.create"));
    }

    private protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILeases>(here);
}
