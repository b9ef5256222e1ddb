using IncidentBot.Announcements;
using IncidentBot.Incidents;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using IncidentBot.WarRooms;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Storage;

public sealed class LiteDbIncidentStoreTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"incidentbot-store-{Guid.NewGuid():N}.db");
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 0));
    private LiteDatabase database = null!;
    private GroupCommitter writer = null!;
    private LiteDbIncidentStore store = null!;

    public Task InitializeAsync()
    {
        Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await CloseAsync();
        File.Delete(path);
    }

    [Fact]
    public async Task The_incident_timestamps_drill_mark_and_done_action_items_survive_a_reopen()
    {
        var now = clock.GetCurrentInstant();
        var incident = await store.InsertAsync(id =>
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
        var loaded = store.Find(incident.Id)!;

        Assert.True(loaded.IsDrill);
        Assert.Equal(now - Duration.FromMinutes(20), loaded.ImpactStartedAt);
        Assert.Equal(now + Duration.FromMinutes(5), loaded.AcknowledgedAt);
        Assert.Equal(new ResponderId("UONCALL"), loaded.AcknowledgedBy);
        Assert.Equal(Acknowledger.Slack, loaded.AcknowledgedVia);
        Assert.Equal(now + Duration.FromMinutes(5), loaded.IdentifiedAt);
        Assert.Equal(now + Duration.FromMinutes(9), loaded.MitigatedAt);
        Assert.Equal(now + Duration.FromMinutes(10), Assert.Single(loaded.ActionItems).DoneAt);
        Assert.Equal([incident.Id], store.DeclaredBetween(now, now + Duration.FromMilliseconds(1)).Select(i => i.Id));
    }

    [Fact]
    public async Task An_incident_stored_before_the_timestamps_existed_loads_with_them_empty()
    {
        var now = clock.GetCurrentInstant();
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
        database.GetCollection("incidents").Insert(old);
        await ReopenAsync();
        var loaded = store.Find(new IncidentId(41))!;

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
    public async Task An_incident_survives_a_reopen_of_the_file_with_every_field()
    {
        List<TimelineEntry> recorded = [];
        var incident = await store.InsertAsync(id =>
        {
            var declared = Incident.Declare(id, "Checkout <!channel> 500s", IncidentFactory.Sev1, "EU", true, new ResponderId("UIC"), "CGEN", "inc-x", clock.GetCurrentInstant());
            declared.AssignRole(IncidentRole.Scribe, new ResponderId("USCRIBE"), new ResponderId("UIC"), clock.GetCurrentInstant());
            declared.AddActionItem("Add an alert", new ResponderId("ULEAD"), new LocalDate(2026, 12, 1), new ResponderId("UIC"), clock.GetCurrentInstant());
            declared.WarRoom.ChannelId = "C0WAR";
            declared.WarRoom.TriedNames.Add("inc-x");
            recorded.AddRange(declared.Recorded);
            return new IncidentDeclaration(declared, [OutboxMessage.For(id, new CreateWarRoom(), clock.GetCurrentInstant())], Audit(id));
        });

        await ReopenAsync();
        var loaded = store.FindByWarRoom(new SlackChannelId("C0WAR"));

        Assert.NotNull(loaded);
        Assert.Equal(incident.Id, loaded.Id);
        Assert.Equal("Checkout <!channel> 500s", loaded.Title);
        Assert.True(loaded.IsPrivate);
        Assert.Equal(clock.GetCurrentInstant(), loaded.DeclaredAt);
        Assert.Equal(incident.NextUpdateDue, loaded.NextUpdateDue);
        Assert.Equal(new ResponderId("USCRIBE"), loaded.Holder(IncidentRole.Scribe));
        Assert.Equal(["inc-x"], loaded.WarRoom.TriedNames);
        Assert.Equal(3, recorded.Count);
        Assert.Equal(recorded, store.Timeline(loaded.Id));
        // An entry that names nobody keeps the shape older versions wrote and read.
        var declaredEntry = database.GetCollection("timeline").Find(Query.EQ("kind", "Declared")).Single();
        Assert.False(declaredEntry.ContainsKey("from") || declaredEntry.ContainsKey("to"));
        Assert.Empty(loaded.Recorded);
        Assert.Equal(incident.ActionItems, loaded.ActionItems);
        Assert.Equal(CreateWarRoom.Kind, Assert.Single(store.PendingOutbox()).Kind);
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
    public async Task A_refused_change_stores_nothing_but_the_audit_entry()
    {
        var id = await DeclareAsync();
        var result = await store.UpdateAsync(id, Audit(id), i => IncidentChanges.Keep(i.ChangeSeverity(IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant())));

        Assert.NotNull(result);
        Assert.False(result.Result.Applied);
        Assert.Equal(2, store.AuditLog(id).Count);
        Assert.Single(store.PendingOutbox());
    }

    [Fact]
    public async Task A_change_and_its_outbox_messages_are_stored_together_in_decision_order()
    {
        var id = await DeclareAsync();
        await store.UpdateAsync(id, Audit(id), i =>
        {
            i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), clock.GetCurrentInstant());
            return IncidentChanges.Save(true, OutboxMessage.For(id, new RefreshDeclaration(), clock.GetCurrentInstant()), OutboxMessage.For(id, new SetTopic(), clock.GetCurrentInstant()));
        });

        await ReopenAsync();
        Assert.Equal("SEV-1", store.Find(id)!.Severity);
        Assert.Equal([CreateWarRoom.Kind, RefreshDeclaration.Kind, SetTopic.Kind], store.PendingInLane(id, OutboxMessage.MainLane, 10).Select(m => m.Kind));
    }

    [Fact]
    public async Task A_timeline_kept_inside_the_incident_by_an_older_version_is_moved_out_once_and_kept_whole()
    {
        await CloseAsync();
        File.Delete(path);
        var old = IncidentFactory.Declare(clock.GetCurrentInstant());
        old.PostUpdate("Rolled back the deploy", IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant());
        List<TimelineEntry> written = [.. old.Recorded];
        using (var legacy = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create()))
        {
            var document = legacy.Mapper.ToDocument(old);
            document["Timeline"] = new BsonArray(written.Select(e => legacy.Mapper.Serialize(e)));
            legacy.GetCollection("incidents").Insert(document);
        }

        Open();
        await ReopenAsync();

        Assert.Equal(written, store.Timeline(old.Id));
        Assert.False(database.GetCollection("incidents").FindById(old.Id.Value).ContainsKey("Timeline"));
        Assert.Equal("Checkout returns 500s", store.Find(old.Id)!.Title);
    }

    [Fact]
    public async Task Pending_lanes_name_each_lane_with_work_once_and_not_the_finished_ones()
    {
        var id = await DeclareAsync();
        var now = clock.GetCurrentInstant();
        await store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Save(
            true,
            OutboxMessage.For(id, new RefreshDeclaration(), now),
            OutboxMessage.For(id, new SetTopic(), now).InLane(OutboxMessage.TopicLane),
            OutboxMessage.For(id, new Announce(), now).InLane(OutboxMessage.AnnounceLane)));
        var announcement = Assert.Single(store.PendingInLane(id, OutboxMessage.AnnounceLane, 10));
        announcement.State = OutboxState.Done;
        await store.SaveOutboxAsync(announcement);

        Assert.Equal([(id, OutboxMessage.MainLane), (id, OutboxMessage.TopicLane)], store.PendingLanes().OrderBy(l => l.Lane));
    }

    [Fact]
    public async Task Concurrent_changes_to_one_incident_are_all_kept()
    {
        var id = await DeclareAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(n => store.UpdateAsync(id, Audit(id), i =>
            IncidentChanges.Save(i.PostUpdate($"update {n}", IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant())))));

        await ReopenAsync();
        Assert.Equal(50, store.Timeline(id).Count(e => e.Kind == TimelineKind.Update));
        Assert.Equal(51, store.AuditLog(id).Count);
    }

    [Fact]
    public async Task A_write_that_fails_takes_no_other_write_of_its_batch_with_it()
    {
        var id = await DeclareAsync();

        var writes = Enumerable.Range(0, 10).Select(n => store.UpdateAsync(id, Audit(id), i =>
            n == 5 ? throw new InvalidOperationException("bad change") : IncidentChanges.Save(i.PostUpdate($"update {n}", IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant())))).ToList();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writes[5]);
        foreach (var write in writes.Where((_, n) => n != 5))
        {
            await write;
        }

        Assert.Equal(9, store.Timeline(id).Count(e => e.Kind == TimelineKind.Update));
    }

    [Fact]
    public async Task Where_the_incident_was_announced_is_kept_without_an_audit_entry_and_survives_a_stale_war_room_save()
    {
        var id = await DeclareAsync();
        var message = store.PendingOutbox()[0];
        var staleRoom = store.Find(id)!.WarRoom;
        var audited = store.AuditLog(id).Count;

        await store.LearnAsync(id, i => i.RecordAnnouncement("C0INCIDENTS", "1795489200.000100"));
        staleRoom.ChannelId = "C0NEW";
        await store.SaveOutboxAsync(message, staleRoom);
        await ReopenAsync();

        var latest = store.Find(id)!;
        Assert.Equal([new AnnouncementPost("C0INCIDENTS", "1795489200.000100")], latest.Announcements);
        Assert.Equal("C0NEW", latest.WarRoom.ChannelId);
        Assert.Equal(audited, store.AuditLog(id).Count);
    }

    [Fact]
    public async Task Saving_outbox_progress_keeps_a_command_committed_meanwhile()
    {
        var id = await DeclareAsync();
        var message = store.PendingOutbox()[0];
        var staleRoom = store.Find(id)!.WarRoom;
        await store.UpdateAsync(id, Audit(id), i => IncidentChanges.Save(i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), clock.GetCurrentInstant())));

        staleRoom.ChannelId = "C0NEW";
        message.State = OutboxState.Done;
        await store.SaveOutboxAsync(message, staleRoom);

        var latest = store.Find(id)!;
        Assert.Equal("SEV-1", latest.Severity);
        Assert.Equal("C0NEW", latest.WarRoom.ChannelId);
        Assert.Empty(store.PendingOutbox());
    }

    [Fact]
    public async Task Audit_entries_are_stored_with_plain_ids_and_those_stored_before_read_into_typed_ids()
    {
        var id = await DeclareAsync();
        database.GetCollection("audit", BsonAutoId.Int64).Insert(new BsonDocument
        {
            ["At"] = clock.GetCurrentInstant().ToUnixTimeMilliseconds(),
            ["User"] = "U0OLD",
            ["Channel"] = "C0OLD",
            ["IncidentId"] = id.Value,
            ["Command"] = "/incident resolve",
            ["Outcome"] = "done",
        });

        var written = database.GetCollection("audit").FindAll().First();
        var older = Assert.Single(store.AuditLog(id), a => a.Command == "/incident resolve");

        Assert.Equal(("UIC", "CGEN", id.Value), (written["User"].AsString, written["Channel"].AsString, written["IncidentId"].AsInt32));
        Assert.Equal((new ResponderId("U0OLD"), new SlackChannelId("C0OLD"), (IncidentId?)id), (older.User, older.Channel, older.IncidentId));
    }

    private async Task<IncidentId> DeclareAsync()
    {
        var incident = await store.InsertAsync(id => new IncidentDeclaration(
            Incident.Declare(id, "Checkout returns 500s", IncidentFactory.Sev3, "", false, new ResponderId("UIC"), "CGEN", "inc-x", clock.GetCurrentInstant()),
            [OutboxMessage.For(id, new CreateWarRoom(), clock.GetCurrentInstant())],
            Audit(id)));
        return incident.Id;
    }

    private AuditEntry Audit(IncidentId id) => new() { At = clock.GetCurrentInstant(), User = new ResponderId("UIC"), Channel = new SlackChannelId("CGEN"), IncidentId = id, Command = "/incident test", Outcome = "ok" };

    private void Open()
    {
        database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());
        writer = new GroupCommitter(database, NullLogger<GroupCommitter>.Instance);
        store = new LiteDbIncidentStore(database, writer, new StoreSignals());
    }

    private async Task CloseAsync()
    {
        await writer.DisposeAsync();
        database.Dispose();
    }

    private async Task ReopenAsync()
    {
        await CloseAsync();
        Open();
    }
}
