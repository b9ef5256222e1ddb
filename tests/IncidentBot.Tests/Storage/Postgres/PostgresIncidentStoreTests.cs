using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Incidents;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>The store contract on PostgreSQL, and what only a shared database has: replicas writing at once.</summary>
public sealed class PostgresIncidentStoreTests : IncidentStoreContract
{
    private readonly string connectionString = PostgresServer.NewDatabase();
    private readonly List<PostgresDatabase> opened = [];

    private PostgresDatabase Database => opened[^1];

    private protected override IIncidentStore Open(StoreSignals signals, IReadOnlyList<IIncidentChangeListener> listeners)
    {
        opened.Add(PostgresDatabase.Open(connectionString));
        return new PostgresIncidentStore(Database, signals, listeners);
    }

    private protected override async Task CloseAsync()
    {
        foreach (var database in opened)
        {
            await database.DisposeAsync();
        }

        opened.Clear();
    }

    private protected override void Delete()
    {
    }

    private protected override async Task StoreRawIncidentAsync(BsonDocument incident)
    {
        await using var insert = Database.Source.CreateCommand("INSERT INTO incidents (id, status, war_room, next_update_due, declared_at, body) VALUES (@id, @status, NULL, NULL, @declared_at, @body)");
        insert.Parameters.AddWithValue("id", incident["_id"].AsInt32);
        insert.Parameters.AddWithValue("status", incident["Status"].AsString);
        insert.Parameters.AddWithValue("declared_at", incident["DeclaredAt"].AsInt64);
        insert.Parameters.AddWithValue("body", LiteDB.JsonSerializer.Serialize(incident));
        await insert.ExecuteNonQueryAsync();
    }

    private protected override async Task StoreRawAuditAsync(BsonDocument entry)
    {
        await using var insert = Database.Source.CreateCommand("INSERT INTO audit (incident, body) VALUES (@incident, @body)");
        insert.Parameters.AddWithValue("incident", entry["IncidentId"].AsInt32);
        insert.Parameters.AddWithValue("body", LiteDB.JsonSerializer.Serialize(entry));
        await insert.ExecuteNonQueryAsync();
    }

    private protected override BsonDocument FirstStoredAudit() => Bodies("SELECT body FROM audit ORDER BY id LIMIT 1").Single();

    private protected override IReadOnlyList<BsonDocument> StoredTimeline(TimelineKind kind) =>
        Bodies("SELECT body FROM timeline ORDER BY id").Where(d => d["kind"].AsString == kind.ToString()).ToList();

    [Fact]
    public async Task A_flood_of_read_only_audits_beyond_those_on_their_way_is_shed_and_counted_and_the_rest_are_written()
    {
        var id = await DeclareAsync();
        var store = (PostgresIncidentStore)Store;
        var before = store.AuditLog(id).Count;

        // The audit table is held, so none of the flood's writes can finish while it arrives, however the machine is loaded.
        await using var holder = await Database.Source.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var exclusive = new Npgsql.NpgsqlCommand("LOCK TABLE audit IN EXCLUSIVE MODE", holder, hold))
        {
            await exclusive.ExecuteNonQueryAsync();
        }

        var written = Enumerable.Range(0, 400).Select(_ => store.TryAuditLater(Audit(id))).ToList();
        await hold.CommitAsync();
        await Task.WhenAll(written.OfType<Task>());

        Assert.Equal(400 - 256, store.AuditsShed);
        Assert.Equal(written.Count(w => w is null), store.AuditsShed);
        Assert.Equal(before + written.Count(w => w is not null), store.AuditLog(id).Count);
        var health = await new StoreHealthCheck(Database, store).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(store.AuditsShed, health.Data["auditsShed"]);
    }

    [Fact]
    public async Task Replicas_declaring_at_once_hand_out_distinct_consecutive_numbers()
    {
        var replicas = Enumerable.Range(0, 3).Select(_ => Open(new StoreSignals(), [])).ToList();

        var ids = await Task.WhenAll(Enumerable.Range(0, 30).Select(n => Task.Run(() => replicas[n % 3].InsertAsync(id => new IncidentDeclaration(
            Incident.Declare(id, "Checkout returns 500s", IncidentFactory.Sev3, "", false, new ResponderId("UIC"), "CGEN", "inc-x", Clock.GetCurrentInstant()), [], Audit(id))))));

        Assert.Equal(Enumerable.Range(1, 30), ids.Select(i => i.Id.Value).Order());
    }

    [Fact]
    public async Task Replicas_changing_one_incident_at_once_lose_no_change_and_keep_each_lane_in_order()
    {
        var id = await DeclareAsync();
        var replicas = Enumerable.Range(0, 3).Select(_ => Open(new StoreSignals(), [])).ToList();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(n => Task.Run(() => replicas[n % 3].UpdateAsync(id, Audit(id), i =>
        {
            var added = i.AddActionItem($"item {n}", null, null, new ResponderId("UIC"), Clock.GetCurrentInstant());
            return IncidentChanges.Save(added, OutboxMessage.For(id, new IncidentBot.Paging.Page($"{i.ActionItems.Count}"), Clock.GetCurrentInstant()));
        }))));

        Assert.Equal(Enumerable.Range(1, 30), replicas[1].Find(id)!.ActionItems.Select(a => a.Number).Order());
        var pages = replicas[2].PendingInLane(id, OutboxMessage.MainLane, 40).Skip(1).Select(m => int.Parse(m.PayloadAs<IncidentBot.Paging.Page>().Service, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 30), pages);
    }

    [Fact]
    public async Task Nothing_is_kept_between_reads_so_a_change_by_another_replica_is_seen_at_once()
    {
        var id = await DeclareAsync();
        var other = Open(new StoreSignals(), []);
        Assert.Single(Store.ListOpen());

        await other.UpdateAsync(id, Audit(id), i => IncidentChanges.Save(i.Cancel("false alarm", new ResponderId("UIC"), Clock.GetCurrentInstant())));

        Assert.Empty(Store.ListOpen());
    }

    [Fact]
    public async Task The_index_columns_follow_the_body_on_every_write()
    {
        var id = await DeclareAsync();
        await Store.SaveOutboxAsync(Store.PendingOutbox()[0], new WarRoom { ChannelId = "C0WAR" });
        await Store.UpdateAsync(id, Audit(id), i => IncidentChanges.Save(i.StopReminders(new ResponderId("UIC"), Clock.GetCurrentInstant())));
        var incident = Store.Find(id)!;

        await using var read = Database.Source.CreateCommand("SELECT status, war_room, next_update_due, declared_at FROM incidents WHERE id = @id");
        read.Parameters.AddWithValue("id", id.Value);
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(incident.Status.ToString(), row.GetString(0));
        Assert.Equal("C0WAR", row.GetString(1));
        Assert.Equal(incident.NextUpdateDue?.ToUnixTimeMilliseconds(), row.IsDBNull(2) ? null : row.GetInt64(2));
        Assert.Equal(incident.DeclaredAt.ToUnixTimeMilliseconds(), row.GetInt64(3));
    }

    private List<BsonDocument> Bodies(string sql)
    {
        using var command = Database.Source.CreateCommand(sql);
        using var reader = command.ExecuteReader();
        List<BsonDocument> bodies = [];
        while (reader.Read())
        {
            bodies.Add(LiteDB.JsonSerializer.Deserialize(reader.GetString(0)).AsDocument);
        }

        return bodies;
    }
}
