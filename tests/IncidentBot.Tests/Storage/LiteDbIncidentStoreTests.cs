using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Storage;
using IncidentBot.Tests.Incidents;
using LiteDB;
using NodaTime;
using NodaTime.Testing;

namespace IncidentBot.Tests.Storage;

public sealed class LiteDbIncidentStoreTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"incidentbot-store-{Guid.NewGuid():N}.db");
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 11, 24, 3, 0));
    private LiteDatabase database;
    private LiteDbIncidentStore store;

    public LiteDbIncidentStoreTests()
    {
        database = Open();
        store = new LiteDbIncidentStore(database, new StoreSignals());
    }

    public void Dispose()
    {
        database.Dispose();
        File.Delete(path);
    }

    [Fact]
    public void An_incident_survives_a_reopen_of_the_file_with_every_field()
    {
        var id = store.ReserveId();
        var incident = Incident.Declare(id, "Checkout <!channel> 500s", IncidentFactory.Sev1, "EU", true, new ResponderId("UIC"), "CGEN", "inc-x", clock.GetCurrentInstant());
        incident.AssignRole(IncidentRole.Scribe, new ResponderId("USCRIBE"), new ResponderId("UIC"), clock.GetCurrentInstant());
        incident.WarRoom.ChannelId = "C0WAR";
        incident.WarRoom.TriedNames.Add("inc-x");
        store.Insert(incident, [OutboxMessage.For(id.Value, OutboxKind.CreateWarRoom, clock.GetCurrentInstant())], Audit(id));

        Reopen();
        var loaded = store.FindByWarRoom("C0WAR");

        Assert.NotNull(loaded);
        Assert.Equal(id, loaded.Id);
        Assert.Equal("Checkout <!channel> 500s", loaded.Title);
        Assert.True(loaded.IsPrivate);
        Assert.Equal(clock.GetCurrentInstant(), loaded.DeclaredAt);
        Assert.Equal(incident.NextUpdateDue, loaded.NextUpdateDue);
        Assert.Equal(new ResponderId("USCRIBE"), loaded.Holder(IncidentRole.Scribe));
        Assert.Equal(["inc-x"], loaded.WarRoom.TriedNames);
        Assert.Equal(incident.Timeline, loaded.Timeline);
        Assert.Equal(OutboxKind.CreateWarRoom, Assert.Single(store.PendingOutbox()).Kind);
    }

    [Fact]
    public void Ids_are_never_handed_out_twice_even_across_reopen()
    {
        var first = store.ReserveId();
        Reopen();
        var second = store.ReserveId();
        Assert.Equal(first.Value + 1, second.Value);
    }

    [Fact]
    public void A_refused_change_stores_nothing_but_the_audit_entry()
    {
        var id = Declare();
        var result = store.Update(id, Audit(id), i => IncidentChanges.Keep(i.ChangeSeverity(IncidentFactory.Sev3, new ResponderId("UIC"), clock.GetCurrentInstant())));

        Assert.NotNull(result);
        Assert.False(result.Result.Applied);
        Assert.Equal(2, store.AuditLog(id.Value).Count);
        Assert.Single(store.PendingOutbox());
    }

    [Fact]
    public void A_change_and_its_outbox_messages_are_stored_together_in_decision_order()
    {
        var id = Declare();
        store.Update(id, Audit(id), i =>
        {
            i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), clock.GetCurrentInstant());
            return IncidentChanges.Save(true, OutboxMessage.For(id.Value, OutboxKind.RefreshDeclaration, clock.GetCurrentInstant()), OutboxMessage.For(id.Value, OutboxKind.SetTopic, clock.GetCurrentInstant()));
        });

        Reopen();
        Assert.Equal("SEV-1", store.Find(id)!.Severity);
        Assert.Equal([OutboxKind.CreateWarRoom, OutboxKind.RefreshDeclaration, OutboxKind.SetTopic], store.PendingInLane(id.Value, OutboxMessage.MainLane, 10).Select(m => m.Kind));
    }

    [Fact]
    public void Saving_outbox_progress_keeps_a_command_committed_meanwhile()
    {
        var id = Declare();
        var message = store.PendingOutbox()[0];
        var staleRoom = store.Find(id)!.WarRoom;
        store.Update(id, Audit(id), i => IncidentChanges.Save(i.ChangeSeverity(IncidentFactory.Sev1, new ResponderId("UIC"), clock.GetCurrentInstant())));

        staleRoom.ChannelId = "C0NEW";
        message.State = OutboxState.Done;
        store.SaveOutbox(message, staleRoom);

        var latest = store.Find(id)!;
        Assert.Equal("SEV-1", latest.Severity);
        Assert.Equal("C0NEW", latest.WarRoom.ChannelId);
        Assert.Empty(store.PendingOutbox());
    }

    private IncidentId Declare()
    {
        var id = store.ReserveId();
        var fresh = Incident.Declare(id, "Checkout returns 500s", IncidentFactory.Sev3, "", false, new ResponderId("UIC"), "CGEN", "inc-x", clock.GetCurrentInstant());
        store.Insert(fresh, [OutboxMessage.For(id.Value, OutboxKind.CreateWarRoom, clock.GetCurrentInstant())], Audit(id));
        return id;
    }

    private AuditEntry Audit(IncidentId id) => new() { At = clock.GetCurrentInstant(), User = "UIC", Channel = "CGEN", IncidentId = id.Value, Command = "/incident test", Outcome = "ok" };

    private LiteDatabase Open() => new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, BsonMappings.Create());

    private void Reopen()
    {
        database.Dispose();
        database = Open();
        store = new LiteDbIncidentStore(database, new StoreSignals());
    }
}
