using IncidentBot.Incidents;
using IncidentBot.Paging;
using IncidentBot.Retention;
using IncidentBot.Slack;
using IncidentBot.Storage;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentBot.Tests.Integration;

/// <summary>Retention through the real host and store, on the bot's clock: what goes after its age, and what stays.</summary>
public sealed class RetentionTests : ScribeTest
{
    private readonly TestTime time = new();

    private protected override TestTime Time => time;

    private INoteStore Copies => Bot.Services.GetRequiredService<INoteStore>();

    [Fact]
    public void Every_bot_process_trims_its_c_heap_whether_or_not_it_leads_the_scheduler()
    {
        Assert.Single(Bot.Services.GetServices<IHostedService>().OfType<NativeHeapTrimmer>());
    }

    [Fact]
    public async Task A_closed_incident_s_message_copies_go_once_its_post_mortem_is_shared_and_an_open_incident_s_stay()
    {
        var closed = await DeclareAsync();
        var said = await SayAsync(closed, "DB primary CPU at 100% since 03:05");
        await ReactAsync(closed, said, added: true);
        await Bot.ReplyAsync("create Search slow sev3");
        await Bot.OutboxDrainedAsync();
        var open = Slack.Channels.Single(c => c.Name.StartsWith("inc-", StringComparison.Ordinal) && c.Id != closed).Id;
        var talk = await SayAsync(open, "Search p99 at 4 s");
        Assert.NotNull(Copies.FindMessage(new SlackChannelId(closed), said));

        // A SEV-2 shares its post-mortem draft as it is resolved.
        await Bot.ReplyAsync("resolve Rolled back", channel: closed);
        await Bot.OutboxDrainedAsync();
        await Bot.ReplyAsync("close", channel: closed);
        await Bot.OutboxDrainedAsync();
        await time.AdvanceUntilAsync(() => Copies.FindMessage(new SlackChannelId(closed), said) is null, "the closed war room's copies to go", TimeSpan.FromMinutes(20));

        Assert.NotNull(Copies.FindMessage(new SlackChannelId(open), talk));
        Assert.Single(Notes(), n => n.MessageTs == said);
    }

    [Fact]
    public async Task Delivered_messages_go_after_seven_days_and_audit_entries_after_400_while_a_pending_message_stays()
    {
        var room = await DeclareAsync();
        await Bot.ReplyAsync("cancel Wrong alarm", channel: room);
        await Bot.OutboxDrainedAsync();
        var now = time.GetCurrentInstant();
        var waiting = OutboxMessage.For(new IncidentId(1), new Page("db"), now);
        waiting.NextAttemptAt = now + NodaTime.Duration.FromDays(1000);
        await Bot.Store.EnqueueAsync(new AuditEntry { At = now, User = new ResponderId("U0OPS"), Channel = new SlackChannelId("C0OPS"), Command = "test", Outcome = "queued" }, waiting);
        var outbox = Bot.Services.GetRequiredService<LiteDatabase>().GetCollection("outbox");
        var delivered = outbox.Count(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Done)));
        Assert.True(delivered > 0);

        time.Advance(TimeSpan.FromDays(6));
        var ranAt = time.GetCurrentInstant();
        await Eventually.TrueAsync(() => Bot.Services.GetRequiredService<RetentionWork>().LastRun?.At >= ranAt, "retention to run six days on");
        Assert.Equal(delivered, outbox.Count(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Done))));
        await time.AdvanceUntilAsync(() => outbox.Count(Query.EQ(nameof(OutboxMessage.State), nameof(OutboxState.Done))) == 0, "delivered messages to go", TimeSpan.FromHours(1));
        Assert.NotEmpty(Bot.Store.AuditLog(null));
        await time.AdvanceUntilAsync(() => Bot.Store.AuditLog(null).Count == 0, "the audit log to go", TimeSpan.FromDays(10));

        Assert.Equal([waiting.Id], Bot.Store.PendingOutbox().Select(m => m.Id));
        Assert.NotNull(Bot.Store.Find(new IncidentId(1)));
    }
}
