using IncidentBot.Incidents;
using IncidentBot.Paging;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using IncidentBot.WarRooms;
using IncidentBot.Webhooks;

namespace IncidentBot.Tests.Storage;

/// <summary>The contract's outbox: what commits with a change, what a failed change leaves, and each lane's order.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task A_change_that_throws_commits_nothing_of_it()
    {
        var id = await DeclareAsync();
        await ReopenAsync(new EveryChangeWebhook());
        var timeline = Store.Timeline(id).Count;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateAsync<bool>(id, Audit(id), i =>
        {
            i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), Clock.GetCurrentInstant());
            i.PostUpdate("half done", IncidentFactory.Sev1, new ResponderId("UIC"), Clock.GetCurrentInstant());
            throw new InvalidOperationException("bad change");
        }));

        Assert.Equal("SEV-3", Store.Find(id)!.Severity);
        Assert.Equal(timeline, Store.Timeline(id).Count);
        Assert.Single(Store.AuditLog(id));
        Assert.Equal([CreateWarRoom.Kind], Store.PendingOutbox().Select(m => m.Kind));
        Assert.Empty(Signals.TakeLanesWithNews());
    }

    [Fact]
    public async Task What_listeners_add_to_a_change_is_stored_with_it_and_they_hear_nothing_of_a_change_that_recorded_nothing()
    {
        await ReopenAsync(new EveryChangeWebhook());
        var id = await DeclareAsync();
        await Store.UpdateAsync(id, Audit(id), i => IncidentChanges.Save(i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), Clock.GetCurrentInstant())));
        await Store.UpdateAsync(id, Audit(id), i => IncidentChanges.Save(true));

        var webhooks = Store.PendingInLane(id, OutboxMessage.FirstWebhookLane, 10);

        Assert.Equal(["Declared", "SeverityChanged"], webhooks.Select(m => m.PayloadAs<WebhookEvent>().Body));
        Assert.Contains((id, OutboxMessage.FirstWebhookLane), Signals.TakeLanesWithNews());
    }

    [Fact]
    public async Task A_lane_keeps_its_messages_in_decision_order_across_changes_and_beside_other_lanes()
    {
        var id = await DeclareAsync();
        var now = Clock.GetCurrentInstant();
        for (var n = 0; n < 5; n++)
        {
            var step = n;
            await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(
                true,
                OutboxMessage.For(id, new Page($"main {step}"), now),
                OutboxMessage.For(id, new Page($"pager {step}"), now).InLane(OutboxMessage.PagerLane),
                OutboxMessage.For(id, new Page($"main {step}b"), now)));
        }

        var main = Store.PendingInLane(id, OutboxMessage.MainLane, 20);
        var pager = Store.PendingInLane(id, OutboxMessage.PagerLane, 3);

        Assert.Equal([CreateWarRoom.Kind, .. Enumerable.Range(0, 5).SelectMany(n => new[] { $"main {n}", $"main {n}b" })], main.Select(m => m.Kind == Page.Kind ? m.PayloadAs<Page>().Service : m.Kind));
        Assert.Equal(["pager 0", "pager 1", "pager 2"], pager.Select(m => m.PayloadAs<Page>().Service));
        Assert.Equal(main.Select(m => m.Id).Order(), main.Select(m => m.Id));
        Assert.Equal(Store.PendingOutbox().Select(m => m.Id).Order(), Store.PendingOutbox().Select(m => m.Id));
    }

    [Fact]
    public async Task Failing_an_incident_s_pending_messages_leaves_its_pager_and_webhook_messages_pending()
    {
        var id = await DeclareAsync();
        var now = Clock.GetCurrentInstant();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(
            true,
            OutboxMessage.For(id, new SetTopic(), now).InLane(OutboxMessage.TopicLane),
            OutboxMessage.For(id, new Page("db"), now).InLane(OutboxMessage.PagerLane),
            OutboxMessage.For(id, new WebhookEvent("https://hooks.example/x", "{}"), now).InLane(OutboxMessage.FirstWebhookLane)));

        await Store.FailPendingAsync(id, "channel_not_found");

        Assert.Equal([CreateWarRoom.Kind, Page.Kind, WebhookEvent.Kind], Store.PendingOutbox().Select(m => m.Kind));
        Assert.Empty(Store.PendingInLane(id, OutboxMessage.TopicLane, 10));
    }
}
