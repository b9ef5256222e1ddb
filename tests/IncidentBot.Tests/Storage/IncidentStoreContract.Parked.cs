using IncidentBot.Paging;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Tests.Storage;

/// <summary>The contract's parked outbox: set aside with its error, counted, listed beside the stuck and the failed ones, and put back once, audited.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task A_parked_message_is_counted_listed_with_its_error_and_left_out_of_its_lane()
    {
        var id = await DeclareAsync();
        var now = Clock.GetCurrentInstant();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(
            true,
            OutboxMessage.For(id, new Page("db"), now).InLane(OutboxMessage.PagerLane),
            OutboxMessage.For(id, new Page("web"), now).InLane(OutboxMessage.PagerLane),
            OutboxMessage.For(id, new Page("api"), now).InLane(OutboxMessage.PagerLane)));
        var first = Store.PendingInLane(id, OutboxMessage.PagerLane, 3)[0];
        var second = Store.PendingInLane(id, OutboxMessage.PagerLane, 3)[1];
        var third = Store.PendingInLane(id, OutboxMessage.PagerLane, 3)[2];
        first.Attempts = 3;
        first.State = OutboxState.Parked;
        first.Error = "http_500";
        await Store.SaveOutboxAsync(first);
        second.Attempts = 1;
        second.Error = "timeout";
        await Store.SaveOutboxAsync(second);
        third.Attempts = 1;
        third.State = OutboxState.Failed;
        third.Error = "channel_not_found";
        await Store.SaveOutboxAsync(third);

        Assert.Equal((2, 1), Store.OutboxCounts());
        Assert.Equal([second.Id], Store.PendingInLane(id, OutboxMessage.PagerLane, 10).Select(m => m.Id));
        Assert.DoesNotContain(Store.PendingOutbox(), m => m.Id == first.Id);
        var troubled = Store.TroubledOutbox(10);
        Assert.Equal([first.Id, second.Id, third.Id], troubled.Select(m => m.Id));
        Assert.Equal([OutboxState.Parked, OutboxState.Pending, OutboxState.Failed], troubled.Select(m => m.State));
        Assert.Equal(["http_500", "timeout", "channel_not_found"], troubled.Select(m => m.Error));
        Assert.Equal([first.Id], Store.TroubledOutbox(1).Select(m => m.Id));

        await ReopenAsync();
        Assert.Equal(OutboxState.Parked, Store.TroubledOutbox(10)[0].State);
    }

    [Fact]
    public async Task A_parked_message_is_put_back_once_with_a_full_allowance_and_its_audit_entry()
    {
        var id = await DeclareAsync();
        var now = Clock.GetCurrentInstant();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(true, OutboxMessage.For(id, new Page("db"), now).InLane(OutboxMessage.PagerLane)));
        var parked = Store.PendingInLane(id, OutboxMessage.PagerLane, 1)[0];
        parked.Attempts = 5;
        parked.State = OutboxState.Parked;
        parked.Error = "http_500";
        parked.NextAttemptAt = now + Duration.FromMinutes(5);
        await Store.SaveOutboxAsync(parked);
        Signals.TakeLanesWithNews();
        var later = now + Duration.FromHours(1);

        var retried = await Store.RetryParkedAsync(parked.Id, later, m => Audit(id).WithOutcome($"retried {m.Id}"));
        var twice = await Store.RetryParkedAsync(parked.Id, later, m => Audit(id).WithOutcome("twice"));

        Assert.NotNull(retried);
        Assert.Null(twice);
        var pending = Assert.Single(Store.PendingInLane(id, OutboxMessage.PagerLane, 10));
        Assert.Equal((OutboxState.Pending, later, 5, 5), (pending.State, pending.NextAttemptAt, pending.Attempts, pending.UncountedAttempts));
        Assert.Equal((2, 0), Store.OutboxCounts());
        Assert.Contains((id, OutboxMessage.PagerLane), Signals.TakeLanesWithNews());
        Assert.Single(Store.AuditLog(id), a => a.Outcome == $"retried {parked.Id}");
        Assert.DoesNotContain(Store.AuditLog(id), a => a.Outcome == "twice");
        Assert.Null(await Store.RetryParkedAsync(parked.Id + 1000, later, _ => Audit(id)));
    }

    [Fact]
    public async Task A_parked_message_put_back_goes_first_in_its_lane_ahead_of_what_was_decided_after_it()
    {
        var id = await DeclareAsync();
        var now = Clock.GetCurrentInstant();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(
            true,
            OutboxMessage.For(id, new Page("db"), now).InLane(OutboxMessage.PagerLane),
            OutboxMessage.For(id, new Page("web"), now).InLane(OutboxMessage.PagerLane),
            OutboxMessage.For(id, new Page("search"), now).InLane(OutboxMessage.PagerLane)));
        var parked = Store.PendingInLane(id, OutboxMessage.PagerLane, 1)[0];
        parked.Attempts = 5;
        parked.State = OutboxState.Parked;
        await Store.SaveOutboxAsync(parked);
        Assert.NotNull(await Store.RetryParkedAsync(parked.Id, now, _ => Audit(id)));

        var lane = Store.PendingInLane(id, OutboxMessage.PagerLane, 2);

        Assert.Equal(["db", "web"], lane.Select(m => m.PayloadAs<Page>().Service));
        Assert.Equal(3, Store.PendingInLane(id, OutboxMessage.PagerLane, 10).Count);
    }
}
