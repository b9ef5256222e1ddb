using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Fakes;
using IncidentBot.Tests.Storage.Postgres;

namespace IncidentBot.Tests.Integration;

/// <summary>The real bot on PostgreSQL, asserting on what Slack received, as on LiteDB.</summary>
public sealed class PostgresHostTests : IAsyncLifetime
{
    private readonly string database = PostgresServer.NewDatabase();
    private FakeSlackApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task A_declaration_makes_one_war_room_one_pinned_declaration_and_one_announcement()
    {
        await using var bot = PostgresBot.Start(slack, database);

        var reply = await bot.ReplyAsync("create Checkout returns 500s sev1");
        await bot.OutboxDrainedAsync();

        Assert.IsType<PostgresIncidentStore>(bot.Store);
        Assert.Contains("Declaring *INC-1* (SEV-1): Checkout returns 500s", reply, StringComparison.Ordinal);
        var room = Assert.Single(WarRooms());
        Assert.Contains(BotHost.Reporter, room.Members);
        var declaration = Assert.Single(slack.Messages(room.Id));
        Assert.Contains("Checkout returns 500s", IncidentCommandTests.Flatten(declaration), StringComparison.Ordinal);
        Assert.Equal([declaration.Ts], slack.Pins(room.Id));
        Assert.StartsWith("INC-1 · SEV-1 · investigating", room.Topic, StringComparison.Ordinal);
        Assert.Contains($"<#{room.Id}>", IncidentCommandTests.Flatten(Assert.Single(slack.Messages(bot.AnnouncementChannel))), StringComparison.Ordinal);
        Assert.Single(slack.Calls("conversations.create"));
        Assert.Equal(room.Id, bot.Store.Find(new IncidentId(1))!.WarRoom.ChannelId);
    }

    [Fact]
    public async Task A_severity_change_reaches_slack_and_the_pinned_declaration()
    {
        await using var bot = PostgresBot.Start(slack, database);
        await bot.ReplyAsync("create DB failover sev3");
        await bot.OutboxDrainedAsync();
        var room = Assert.Single(WarRooms()).Id;

        var reply = await bot.ReplyAsync("severity SEV-1", channel: room);
        await bot.OutboxDrainedAsync();

        Assert.Contains("INC-1 is now SEV-1", reply, StringComparison.Ordinal);
        Assert.Contains("SEV-3 → *SEV-1*", IncidentCommandTests.Flatten(slack.Messages(room)[^1]), StringComparison.Ordinal);
        var edit = slack.Calls("chat.update").Last(c => (string?)c.Args["channel"] == room);
        Assert.Equal(slack.Pins(room)[0], (string?)edit.Args["ts"]);
        Assert.Contains("SEV-1", slack.Channel(room).Topic, StringComparison.Ordinal);
        Assert.Equal("SEV-1", bot.Store.FindByWarRoom(new SlackChannelId(room))!.Severity);
    }

    [Fact]
    public async Task A_host_restarted_on_the_same_database_finds_its_incidents_and_numbers_on()
    {
        await using (var first = PostgresBot.Start(slack, database))
        {
            await first.ReplyAsync("create Payments down sev1");
            await first.OutboxDrainedAsync();
            await first.ReplyAsync("severity SEV-2", channel: Assert.Single(WarRooms()).Id);
            await first.OutboxDrainedAsync();
        }

        await using var restarted = PostgresBot.Start(slack, database);
        var incident = restarted.Store.Find(new IncidentId(1))!;
        var reply = await restarted.ReplyAsync("create Search slow sev3");
        await restarted.OutboxDrainedAsync();

        Assert.Equal("SEV-2", incident.Severity);
        Assert.Equal(Assert.Single(WarRooms(), r => r.Name.EndsWith("payments-down", StringComparison.Ordinal)).Id, incident.WarRoom.ChannelId);
        Assert.Contains(restarted.Store.Timeline(incident.Id), e => e.Kind == TimelineKind.SeverityChanged);
        Assert.Contains("*INC-2*", reply, StringComparison.Ordinal);
        Assert.True(WarRooms().Count == 2, "INC-2's war room; failed, parked or retrying outbox messages: " + string.Join("; ", restarted.Store.TroubledOutbox(50).Select(m => $"INC-{m.IncidentId.Value} {m.Kind} {m.State} {m.Error}")));
        var announced = slack.Messages(restarted.AnnouncementChannel);
        Assert.Equal(2, announced.Count(m => m.ThreadTs is null));
        Assert.Contains(announced, m => m.ThreadTs is not null && m.Text.Contains("SEV-1 → *SEV-2*", StringComparison.Ordinal));
    }

    private List<FakeChannel> WarRooms() => slack.Channels.Where(c => c.Name.StartsWith("inc-", StringComparison.Ordinal)).ToList();
}
