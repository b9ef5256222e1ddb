using IncidentBot.Incidents;
using IncidentBot.Metrics;
using IncidentBot.Slack;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using IncidentBot.WarRooms;
using IncidentBot.Webhooks;
using LiteDB;
using NodaTime;

namespace IncidentBot.Tests.Storage;

/// <summary>The contract's outbox progress, what steps learn, the audit log, and what the scheduler and the lists read.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Where_the_incident_was_announced_is_kept_without_an_audit_entry_and_survives_a_stale_war_room_save()
    {
        var id = await DeclareAsync();
        var message = Store.PendingOutbox()[0];
        var staleRoom = Store.Find(id)!.WarRoom;
        var audited = Store.AuditLog(id).Count;

        await Store.LearnAsync(id, i => i.RecordAnnouncement("C0INCIDENTS", "1795489200.000100"));
        staleRoom.ChannelId = "C0NEW";
        await Store.SaveOutboxAsync(message, staleRoom);
        await ReopenAsync();

        var latest = Store.Find(id)!;
        Assert.Equal([new AnnouncementPost("C0INCIDENTS", "1795489200.000100")], latest.Announcements);
        Assert.Equal("C0NEW", latest.WarRoom.ChannelId);
        Assert.Equal(id, Store.FindByWarRoom(new SlackChannelId("C0NEW"))!.Id);
        Assert.Equal(audited, Store.AuditLog(id).Count);
    }

    [Fact]
    public async Task Responders_an_outbox_step_called_in_are_members_after_a_reopen_and_learning_them_again_adds_none()
    {
        var id = await DeclareAsync();
        var audited = Store.AuditLog(id).Count;
        var timeline = Store.Timeline(id).Count;
        ResponderId[] called = [new("U0GRP1"), new("UIC"), new("U0GRP2")];

        await Store.LearnAsync(id, i => i.AddResponders(called, 1000));
        await Store.LearnAsync(id, i => i.AddResponders(called, 1000));
        await ReopenAsync();

        var latest = Store.Find(id)!;
        Assert.Equal(["UIC", "U0GRP1", "U0GRP2"], latest.Responders.Select(r => r.Value));
        Assert.True(latest.IsMember(new ResponderId("U0GRP2")));
        Assert.Equal(audited, Store.AuditLog(id).Count);
        Assert.Equal(timeline, Store.Timeline(id).Count);
    }

    [Fact]
    public async Task Saving_outbox_progress_keeps_a_command_committed_meanwhile()
    {
        var id = await DeclareAsync();
        var message = Store.PendingOutbox()[0];
        var staleRoom = Store.Find(id)!.WarRoom;
        await Store.UpdateAsync(id, Audit(id), i => IncidentChanges.Save(i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), Clock.GetCurrentInstant())));

        staleRoom.ChannelId = "C0NEW";
        message.State = OutboxState.Done;
        message.Attempts = 2;
        await Store.SaveOutboxAsync(message, staleRoom);

        var latest = Store.Find(id)!;
        Assert.Equal("SEV-1", latest.Severity);
        Assert.Equal("C0NEW", latest.WarRoom.ChannelId);
        Assert.Empty(Store.PendingOutbox());
        Assert.Empty(Store.PendingLanes());
    }

    [Fact]
    public async Task Audit_entries_are_stored_with_plain_ids_and_those_stored_before_read_into_typed_ids()
    {
        var id = await DeclareAsync();
        await StoreRawAuditAsync(new BsonDocument
        {
            ["At"] = Clock.GetCurrentInstant().ToUnixTimeMilliseconds(),
            ["User"] = "U0OLD",
            ["Channel"] = "C0OLD",
            ["IncidentId"] = id.Value,
            ["Command"] = "/incident resolve",
            ["Outcome"] = "done",
        });

        var written = FirstStoredAudit();
        var older = Assert.Single(Store.AuditLog(id), a => a.Command == "/incident resolve");

        Assert.Equal(("UIC", "CGEN", id.Value), (written["User"].AsString, written["Channel"].AsString, written["IncidentId"].AsInt32));
        Assert.Equal((new ResponderId("U0OLD"), new SlackChannelId("C0OLD"), (IncidentId?)id), (older.User, older.Channel, older.IncidentId));
    }

    [Fact]
    public async Task Messages_of_no_incident_are_stored_with_their_audit_entry_and_the_audit_log_reads_in_order()
    {
        var id = await DeclareAsync();
        var review = new AuditEntry { At = Clock.GetCurrentInstant(), User = new ResponderId("UBOT"), Channel = new SlackChannelId("CGEN"), Command = "monthly review", Outcome = "queued" };

        await Store.EnqueueAsync(review, OutboxMessage.For(OutboxMessage.NoIncident, new UploadReview("2026-10", new SlackChannelId("C0REVIEW"), null), Clock.GetCurrentInstant()));
        await Store.AuditAsync(Audit(id));

        Assert.Equal([(OutboxMessage.NoIncident, OutboxMessage.MainLane), (id, OutboxMessage.MainLane)], Store.PendingLanes().OrderBy(l => l.Incident.Value));
        Assert.Equal(["/incident test", "monthly review", "/incident test"], Store.AuditLog(null).Select(a => a.Command));
        Assert.Equal(Store.AuditLog(null).Select(a => a.Id).Order(), Store.AuditLog(null).Select(a => a.Id));
        Assert.True(review.Id > 0);
        Assert.Equal(2, Store.AuditLog(id).Count);
    }

    [Fact]
    public async Task Open_incidents_list_newest_first_with_those_awaiting_close_and_without_the_ended()
    {
        var cancelled = await DeclareAsync();
        var resolved = await DeclareAsync();
        var open = await DeclareAsync();
        await Store.UpdateAsync(cancelled, Audit(cancelled), i => IncidentChanges.Save(i.Cancel("false alarm", new ResponderId("UIC"), Clock.GetCurrentInstant())));
        await Store.UpdateAsync(resolved, Audit(resolved), i => IncidentChanges.Save(i.ChangeStatus(IncidentStatus.Resolved, new ResponderId("UIC"), Clock.GetCurrentInstant())));

        Assert.Equal([open, resolved], Store.ListOpen().Select(i => i.Id));
        Assert.Equal([cancelled, resolved, open], Store.DeclaredBetween(Clock.GetCurrentInstant(), Clock.GetCurrentInstant() + Duration.FromSeconds(1)).Select(i => i.Id));
        Assert.Empty(Store.DeclaredBetween(Clock.GetCurrentInstant() + Duration.FromSeconds(1), Clock.GetCurrentInstant() + Duration.FromDays(1)));
    }

    [Fact]
    public async Task Reminders_are_due_only_for_open_incidents_in_a_war_room_with_reminders_on()
    {
        var noRoom = await DeclareAsync();
        var stopped = await DeclareAsync();
        var due = await DeclareAsync();
        var cancelled = await DeclareAsync();
        foreach (var id in new[] { stopped, due, cancelled })
        {
            await Store.SaveOutboxAsync(Store.PendingInLane(id, OutboxMessage.MainLane, 1)[0], new WarRoom { ChannelId = $"C0ROOM{id.Value}" });
        }

        await Store.UpdateAsync(stopped, Audit(stopped), i => IncidentChanges.Save(i.StopReminders(new ResponderId("UIC"), Clock.GetCurrentInstant())));
        await Store.UpdateAsync(cancelled, Audit(cancelled), i => IncidentChanges.Save(i.Cancel(null, new ResponderId("UIC"), Clock.GetCurrentInstant())));
        var dueAt = Store.Find(due)!.NextUpdateDue!.Value;

        Assert.Equal(dueAt, Store.NextReminderDue());
        Assert.Empty(Store.DueForReminder(dueAt - Duration.FromMilliseconds(1)));
        Assert.Equal([due], Store.DueForReminder(dueAt).Select(i => i.Id));
        Assert.NotNull(Store.Find(noRoom)!.NextUpdateDue);
    }

    [Fact]
    public async Task No_reminder_is_due_when_no_incident_has_a_war_room()
    {
        await DeclareAsync();

        Assert.Null(Store.NextReminderDue());
        Assert.Empty(Store.DueForReminder(Clock.GetCurrentInstant() + Duration.FromDays(1)));
    }

    [Fact]
    public async Task Commits_are_announced_after_they_are_stored()
    {
        var incidents = Signals.Incidents.Next;
        var id = await DeclareAsync();
        Assert.True(incidents.IsCompleted);
        Assert.Equal([(id, OutboxMessage.MainLane)], Signals.TakeLanesWithNews());

        var outbox = Signals.Outbox.Next;
        incidents = Signals.Incidents.Next;
        await Store.UpdateAsync(id, Audit(id), _ => IncidentChanges.Tell(false, OutboxMessage.For(id, new SetTopic(), Clock.GetCurrentInstant()).InLane(OutboxMessage.TopicLane)));
        Assert.True(outbox.IsCompleted);
        Assert.False(incidents.IsCompleted);
        Assert.Equal([(id, OutboxMessage.TopicLane)], Signals.TakeLanesWithNews());

        await Store.SaveOutboxAsync(Store.PendingOutbox()[0], new WarRoom { ChannelId = "C0WAR" });
        Assert.True(incidents.IsCompleted);
        incidents = Signals.Incidents.Next;
        await Store.LearnAsync(id, i => i.RecordAnnouncement("C0INCIDENTS", "1795489200.000100"));
        Assert.True(incidents.IsCompleted);
    }

    [Fact]
    public async Task The_open_list_read_between_changes_shows_each_as_it_lands()
    {
        var first = await DeclareAsync();
        var second = await DeclareAsync();
        Assert.Equal([second, first], Store.ListOpen().Select(i => i.Id));

        await Store.UpdateAsync(first, Audit(first), i => IncidentChanges.Save(i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), Clock.GetCurrentInstant())));
        Assert.Equal(["SEV-3", "SEV-1"], Store.ListOpen().Select(i => i.Severity));

        await Store.LearnAsync(second, i => i.RecordAnnouncement("CANNOUNCE", "1700000000.000100"));
        Assert.Equal("1700000000.000100", Store.ListOpen().Single(i => i.Id == second).AnnouncementIn("CANNOUNCE")?.Ts);

        await Store.UpdateAsync(second, Audit(second), i => IncidentChanges.Save(i.Cancel("false alarm", new ResponderId("UIC"), Clock.GetCurrentInstant())));
        var third = await DeclareAsync();
        Assert.Equal([third, first], Store.ListOpen().Select(i => i.Id));
        Assert.Equal("SEV-1", Store.ListOpen().Single(i => i.Id == first).Severity);
    }

    private protected async Task<IncidentId> DeclareAsync()
    {
        var incident = await Store.InsertAsync(id => new IncidentDeclaration(
            Incident.Declare(id, "Checkout returns 500s", IncidentFactory.Sev3, "", false, new ResponderId("UIC"), "CGEN", "inc-x", Clock.GetCurrentInstant()),
            [OutboxMessage.For(id, new CreateWarRoom(), Clock.GetCurrentInstant())],
            Audit(id)));
        return incident.Id;
    }

    private protected AuditEntry Audit(IncidentId id) => new() { At = Clock.GetCurrentInstant(), User = new ResponderId("UIC"), Channel = new SlackChannelId("CGEN"), IncidentId = id, Command = "/incident test", Outcome = "ok" };

    /// <summary>A listener that adds one webhook per change, its body naming the change's first timeline entry.</summary>
    private protected sealed class EveryChangeWebhook : IIncidentChangeListener
    {
        public IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added) =>
            [OutboxMessage.For(incident.Id, new WebhookEvent("https://hooks.example/x", added[0].Kind.ToString()), added[0].At).InLane(OutboxMessage.FirstWebhookLane)];
    }
}
