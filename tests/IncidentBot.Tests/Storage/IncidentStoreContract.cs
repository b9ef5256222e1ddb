using IncidentBot.Announcements;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using IncidentBot.WarRooms;
using LiteDB;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Storage;

/// <summary>
/// What every <see cref="IIncidentStore"/> promises, run on each engine by a subclass, so LiteDB and PostgreSQL cannot
/// drift apart. A subclass opens a store on its own fresh database; a reopen is a new store on the same data.
/// </summary>
public abstract partial class IncidentStoreContract : IAsyncLifetime
{
    private protected FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 24, 3, 0));

    private protected IIncidentStore Store { get; private set; } = null!;

    private protected StoreSignals Signals { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Signals = new StoreSignals();
        Store = Open(Signals, []);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await CloseAsync();
        Delete();
    }

    /// <summary>A store on this test's database, hearing <paramref name="listeners"/>.</summary>
    private protected abstract IIncidentStore Open(StoreSignals signals, IReadOnlyList<IIncidentChangeListener> listeners);

    private protected abstract Task CloseAsync();

    /// <summary>Removes this test's database once the store is closed.</summary>
    private protected abstract void Delete();

    /// <summary>Stores an incident's document as it is, around the store, as an older version wrote it.</summary>
    private protected abstract Task StoreRawIncidentAsync(BsonDocument incident);

    /// <summary>Stores an audit entry's document as it is, around the store, as an older version wrote it.</summary>
    private protected abstract Task StoreRawAuditAsync(BsonDocument entry);

    /// <summary>The first audit entry's document as the store wrote it.</summary>
    private protected abstract BsonDocument FirstStoredAudit();

    /// <summary>The documents of the timeline entries of <paramref name="kind"/>, as the store wrote them.</summary>
    private protected abstract IReadOnlyList<BsonDocument> StoredTimeline(TimelineKind kind);

    private protected async Task ReopenAsync(params IIncidentChangeListener[] listeners)
    {
        await CloseAsync();
        Signals = new StoreSignals();
        Store = Open(Signals, listeners);
    }

    [Fact]
    public async Task The_incident_timestamps_drill_mark_and_done_action_items_survive_a_reopen()
    {
        var now = Clock.GetCurrentInstant();
        var incident = await Store.InsertAsync(id =>
        {
            var declared = Incident.Declare(id, "Failover", IncidentFactory.Sev1, "", false, new ResponderId("UIC"), "CGEN", "drill-inc-x", now, isDrill: true, impactStartedAt: now - Duration.FromMinutes(20));
            declared.Acknowledge(Acknowledger.InSlack(new ResponderId("UONCALL")), now + Duration.FromMinutes(5));
            declared.ChangeStatus(IncidentStatus.Identified, new ResponderId("UIC"), now + Duration.FromMinutes(5));
            declared.ChangeStatus(IncidentStatus.Monitoring, new ResponderId("UIC"), now + Duration.FromMinutes(9));
            declared.AddActionItem("Runbook", null, null, new ResponderId("UIC"), now);
            declared.CompleteActionItem(1, new ResponderId("UIC"), now + Duration.FromMinutes(10));
            return new IncidentDeclaration(declared, [], Audit(id));
        });

        await ReopenAsync();
        var loaded = Store.Find(incident.Id)!;

        Assert.True(loaded.IsDrill);
        Assert.Equal(now - Duration.FromMinutes(20), loaded.ImpactStartedAt);
        Assert.Equal(now + Duration.FromMinutes(5), loaded.AcknowledgedAt);
        Assert.Equal(new ResponderId("UONCALL"), loaded.AcknowledgedBy);
        Assert.Equal(Acknowledger.Slack, loaded.AcknowledgedVia);
        Assert.Equal(now + Duration.FromMinutes(5), loaded.IdentifiedAt);
        Assert.Equal(now + Duration.FromMinutes(9), loaded.MitigatedAt);
        Assert.Equal(now + Duration.FromMinutes(10), Assert.Single(loaded.ActionItems).DoneAt);
        Assert.Equal([incident.Id], Store.DeclaredBetween(now, now + Duration.FromMilliseconds(1)).Select(i => i.Id));
    }

    [Fact]
    public async Task An_incident_stored_before_the_timestamps_existed_loads_with_them_empty()
    {
        var now = Clock.GetCurrentInstant();
        var incident = Incident.Declare(new IncidentId(41), "Old one", IncidentFactory.Sev1, "", false, new ResponderId("UIC"), "CGEN", "inc-old", now, isDrill: true, impactStartedAt: now - Duration.FromMinutes(5));
        incident.Acknowledge(Acknowledger.InSlack(new ResponderId("UIC")), now);
        incident.ChangeStatus(IncidentStatus.Identified, new ResponderId("UIC"), now);
        incident.ChangeStatus(IncidentStatus.Monitoring, new ResponderId("UIC"), now);
        incident.AddActionItem("Old item", null, null, new ResponderId("UIC"), now);
        incident.CompleteActionItem(1, new ResponderId("UIC"), now);

        // The document as an older version wrote it: none of the new fields, and action items without done_at.
        var old = BsonMappings.Create().ToDocument(incident);
        foreach (var field in new[] { "IsDrill", "ImpactStartedAt", "AcknowledgedAt", "AcknowledgedBy", "AcknowledgedVia", "AcknowledgedName", "IdentifiedAt", "MitigatedAt" })
        {
            Assert.True(old.Remove(field), field);
        }

        Assert.True(old["ActionItems"].AsArray[0].AsDocument.Remove("done_at"));
        await StoreRawIncidentAsync(old);
        await ReopenAsync();
        var loaded = Store.Find(new IncidentId(41))!;

        Assert.False(loaded.IsDrill);
        Assert.Null(loaded.ImpactStartedAt);
        Assert.Equal(now, loaded.ImpactStarted());
        Assert.Null(loaded.AcknowledgedAt);
        Assert.Null(loaded.AcknowledgedBy);
        Assert.Equal("", loaded.AcknowledgedVia);
        Assert.Null(loaded.IdentifiedAt);
        Assert.Null(Assert.Single(loaded.ActionItems).DoneAt);
    }

    [Fact]
    public async Task An_incident_survives_a_reopen_with_every_field()
    {
        List<TimelineEntry> recorded = [];
        var incident = await Store.InsertAsync(id =>
        {
            var declared = Incident.Declare(id, "Checkout <!channel> 500s", IncidentFactory.Sev1, "EU", true, new ResponderId("UIC"), "CGEN", "inc-x", Clock.GetCurrentInstant());
            declared.AssignRole(IncidentRole.Scribe, new ResponderId("USCRIBE"), new ResponderId("UIC"), Clock.GetCurrentInstant());
            declared.AddActionItem("Add an alert", new ResponderId("ULEAD"), new LocalDate(2026, 12, 1), new ResponderId("UIC"), Clock.GetCurrentInstant());
            declared.WarRoom.ChannelId = "C0WAR";
            declared.WarRoom.TriedNames.Add("inc-x");
            recorded.AddRange(declared.Recorded);
            return new IncidentDeclaration(declared, [OutboxMessage.For(id, new CreateWarRoom(), Clock.GetCurrentInstant())], Audit(id));
        });

        await ReopenAsync();
        var loaded = Store.FindByWarRoom(new SlackChannelId("C0WAR"));

        Assert.NotNull(loaded);
        Assert.Equal(incident.Id, loaded.Id);
        Assert.Equal("Checkout <!channel> 500s", loaded.Title);
        Assert.True(loaded.IsPrivate);
        Assert.Equal(Clock.GetCurrentInstant(), loaded.DeclaredAt);
        Assert.Equal(incident.NextUpdateDue, loaded.NextUpdateDue);
        Assert.Equal(new ResponderId("USCRIBE"), loaded.Holder(IncidentRole.Scribe));
        Assert.Equal(["inc-x"], loaded.WarRoom.TriedNames);
        Assert.Equal(3, recorded.Count);
        Assert.Equal(recorded, Store.Timeline(loaded.Id));
        // An entry that names nobody keeps the shape older versions wrote and read.
        var declaredEntry = Assert.Single(StoredTimeline(TimelineKind.Declared));
        Assert.False(declaredEntry.ContainsKey("from") || declaredEntry.ContainsKey("to"));
        Assert.Empty(loaded.Recorded);
        Assert.Equal(incident.ActionItems, loaded.ActionItems);
        Assert.Equal(CreateWarRoom.Kind, Assert.Single(Store.PendingOutbox()).Kind);
    }

    [Fact]
    public async Task Numbers_are_never_handed_out_twice_even_across_a_reopen_or_at_the_same_moment()
    {
        var first = await DeclareAsync();
        await ReopenAsync();
        var together = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => DeclareAsync()));

        Assert.Equal(Enumerable.Range(first.Value + 1, 20), together.Select(id => id.Value).Order());
    }

    [Fact]
    public async Task A_declaration_that_throws_hands_its_number_to_the_next_one()
    {
        var first = await DeclareAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InsertAsync(_ => throw new InvalidOperationException("bad declaration")));
        var next = await DeclareAsync();

        Assert.Equal(first.Value + 1, next.Value);
        Assert.Equal([next, first], Store.ListOpen().Select(i => i.Id));
    }

    [Fact]
    public async Task A_refused_change_stores_nothing_but_the_audit_entry()
    {
        var id = await DeclareAsync();
        var result = await Store.UpdateAsync(id, Audit(id), i => IncidentChanges.Keep(i.ChangeSeverity(IncidentFactory.Sev3, new ResponderId("UIC"), Clock.GetCurrentInstant())));

        Assert.NotNull(result);
        Assert.False(result.Result.Applied);
        Assert.Equal(2, Store.AuditLog(id).Count);
        Assert.Single(Store.PendingOutbox());
    }

    [Fact]
    public async Task A_change_of_no_incident_stores_nothing()
    {
        var id = await DeclareAsync();

        var result = await Store.UpdateAsync(new IncidentId(id.Value + 1), Audit(id), i => IncidentChanges.Save(true));

        Assert.Null(result);
        Assert.Single(Store.AuditLog(null));
    }

    [Fact]
    public async Task A_change_and_its_outbox_messages_are_stored_together_in_decision_order()
    {
        var id = await DeclareAsync();
        await Store.UpdateAsync(id, Audit(id), i =>
        {
            i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), Clock.GetCurrentInstant());
            return IncidentChanges.Save(true, OutboxMessage.For(id, new RefreshDeclaration(), Clock.GetCurrentInstant()), OutboxMessage.For(id, new SetTopic(), Clock.GetCurrentInstant()));
        });

        await ReopenAsync();
        Assert.Equal("SEV-1", Store.Find(id)!.Severity);
        Assert.Equal([CreateWarRoom.Kind, RefreshDeclaration.Kind, SetTopic.Kind], Store.PendingInLane(id, OutboxMessage.MainLane, 10).Select(m => m.Kind));
    }

    [Fact]
    public async Task Pending_lanes_name_each_lane_with_work_once_and_not_the_finished_ones()
    {
        var id = await DeclareAsync();
        var now = Clock.GetCurrentInstant();
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(
            true,
            OutboxMessage.For(id, new RefreshDeclaration(), now),
            OutboxMessage.For(id, new SetTopic(), now).InLane(OutboxMessage.TopicLane),
            OutboxMessage.For(id, new Announce(), now).InLane(OutboxMessage.AnnounceLane)));
        var announcement = Assert.Single(Store.PendingInLane(id, OutboxMessage.AnnounceLane, 10));
        announcement.State = OutboxState.Done;
        await Store.SaveOutboxAsync(announcement);

        Assert.Equal([(id, OutboxMessage.MainLane), (id, OutboxMessage.TopicLane)], Store.PendingLanes().OrderBy(l => l.Lane));
    }

    [Fact]
    public async Task Concurrent_changes_to_one_incident_are_all_kept()
    {
        var id = await DeclareAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(n => Store.UpdateAsync(id, Audit(id), i =>
            IncidentChanges.Save(i.PostUpdate($"update {n}", IncidentFactory.Sev3, new ResponderId("UIC"), Clock.GetCurrentInstant())))));

        await ReopenAsync();
        Assert.Equal(50, Store.Timeline(id).Count(e => e.Kind == TimelineKind.Update));
        Assert.Equal(51, Store.AuditLog(id).Count);
    }

    [Fact]
    public async Task Concurrent_increments_of_one_incident_lose_none()
    {
        var id = await DeclareAsync();

        // Each change numbers its action item from the ones it read: a change made on a stale copy would repeat a number.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(n => Task.Run(() => Store.UpdateAsync(id, Audit(id), i =>
            IncidentChanges.Save(i.AddActionItem($"item {n}", null, null, new ResponderId("UIC"), Clock.GetCurrentInstant()))))));

        Assert.Equal(Enumerable.Range(1, 20), Store.Find(id)!.ActionItems.Select(a => a.Number).Order());
    }

    [Fact]
    public async Task A_write_that_fails_takes_no_other_write_with_it()
    {
        var id = await DeclareAsync();

        var writes = Enumerable.Range(0, 10).Select(n => Store.UpdateAsync(id, Audit(id), i =>
            n == 5 ? throw new InvalidOperationException("bad change") : IncidentChanges.Save(i.PostUpdate($"update {n}", IncidentFactory.Sev3, new ResponderId("UIC"), Clock.GetCurrentInstant())))).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writes[5]);
        foreach (var write in writes.Where((_, n) => n != 5))
        {
            await write;
        }

        Assert.Equal(9, Store.Timeline(id).Count(e => e.Kind == TimelineKind.Update));
    }
}
