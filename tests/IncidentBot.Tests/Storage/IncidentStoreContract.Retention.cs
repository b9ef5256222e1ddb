using IncidentBot.Paging;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Tests.Storage;

/// <summary>The contract's retention: what goes (delivered and refused messages past their age, old audit entries) and what stays.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Delivered_messages_past_the_cut_off_go_in_batches_while_pending_newer_and_failed_ones_stay()
    {
        var id = await DeclareAsync();
        var old = Clock.GetCurrentInstant();
        var messages = Enumerable.Range(0, 5).Select(n => OutboxMessage.For(id, new Page($"old {n}"), old)).ToArray();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(true, messages));
        var stored = Store.PendingOutbox().Where(m => m.Kind == Page.Kind).ToList();
        await SetStateAsync(stored[0..3], OutboxState.Done);
        await SetStateAsync(stored[3..4], OutboxState.Failed);
        Clock.Advance(Duration.FromDays(8));
        var recent = Clock.GetCurrentInstant();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(true, OutboxMessage.For(id, new Page("recent"), recent)));
        await SetStateAsync(Store.PendingOutbox().Where(m => m.Kind == Page.Kind && m.CreatedAt == recent).ToList(), OutboxState.Done);
        var cutOff = recent - Duration.FromDays(7);

        var first = await Store.PruneOutboxAsync(OutboxState.Done, cutOff, 2);
        var second = await Store.PruneOutboxAsync(OutboxState.Done, cutOff, 2);
        var third = await Store.PruneOutboxAsync(OutboxState.Done, cutOff, 2);

        Assert.Equal((2, 1, 0), (first, second, third));
        Assert.Equal(["old 4"], Store.PendingOutbox().Where(m => m.Kind == Page.Kind).Select(m => m.PayloadAs<Page>().Service));
        Assert.Contains(Store.PendingOutbox(), m => m.CreatedAt == old && m.Kind != Page.Kind);
        Assert.Equal(1, await Store.PruneOutboxAsync(OutboxState.Failed, cutOff, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PruneOutboxAsync(OutboxState.Pending, recent, 10));
        Assert.Equal(2, Store.PendingOutbox().Count);
    }

    [Fact]
    public async Task Audit_entries_older_than_the_cut_off_go_oldest_first_and_newer_ones_stay()
    {
        var id = await DeclareAsync();
        await Store.AuditAsync(Audit(id));
        Clock.Advance(Duration.FromDays(401));
        await Store.AuditAsync(Audit(id));
        var cutOff = Clock.GetCurrentInstant() - Duration.FromDays(400);

        var first = await Store.PruneAuditAsync(cutOff, 1);
        var second = await Store.PruneAuditAsync(cutOff, 5);
        var third = await Store.PruneAuditAsync(cutOff, 5);

        Assert.Equal((1, 1, 0), (first, second, third));
        Assert.Equal([Clock.GetCurrentInstant()], Store.AuditLog(null).Select(a => a.At));
    }

    private async Task SetStateAsync(IEnumerable<OutboxMessage> messages, OutboxState state)
    {
        foreach (var message in messages)
        {
            message.State = state;
            await Store.SaveOutboxAsync(message);
        }
    }
}
