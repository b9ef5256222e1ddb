using IncidentBot.Incidents;
using IncidentBot.Storage;
using IncidentBot.Storage.Postgres;
using IncidentBot.Tests.Integration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Tests.Storage.Postgres;

/// <summary>Two replicas on one database hear each other's store signals through LISTEN/NOTIFY.</summary>
public sealed class PostgresSignalRelayTests : IAsyncLifetime
{
    private readonly string connectionString = PostgresServer.NewDatabase();
    private readonly TestTime time = new();
    private PostgresDatabase database = null!;
    private Replica a = null!;
    private Replica b = null!;

    public async Task InitializeAsync()
    {
        database = PostgresDatabase.Open(connectionString);
        a = await Replica.StartAsync(database, connectionString, time);
        b = await Replica.StartAsync(database, connectionString, time);
        await Eventually.TrueAsync(() => a.Listener.Listening && b.Listener.Listening, "both replicas to listen");
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task An_incident_changed_on_one_replica_wakes_the_other()
    {
        var woken = b.Signals.Incidents.Next;

        a.Signals.Incidents.Notify();

        await Eventually.TrueAsync(() => woken.IsCompleted, "the other replica's incident signal");
    }

    [Fact]
    public async Task Outbox_messages_added_on_one_replica_name_their_lanes_on_the_other()
    {
        b.Signals.TakeLanesWithNews();
        var woken = b.Signals.Outbox.Next;

        a.Signals.Added([OutboxMessage.For(new IncidentId(4), new IncidentBot.WarRooms.CreateWarRoom(), SystemClock.Instance.GetCurrentInstant())]);

        await Eventually.TrueAsync(() => woken.IsCompleted, "the other replica's outbox signal");
        Assert.Equal([(new IncidentId(4), OutboxMessage.MainLane)], b.Signals.TakeLanesWithNews());
    }

    [Fact]
    public async Task A_signal_heard_from_another_replica_is_not_told_again()
    {
        var heard = a.Signals.Incidents.Next;
        b.Signals.Incidents.Notify();
        await Eventually.TrueAsync(() => heard.IsCompleted, "the first replica to hear the change");

        // Had the first replica passed it on, the second would hear its own news back before what the first says next.
        var echo = b.Signals.Incidents.Next;
        var next = b.Signals.Outbox.Next;
        a.Signals.Outbox.Notify();
        await Eventually.TrueAsync(() => next.IsCompleted, "the first replica's next signal");

        Assert.False(echo.IsCompleted);
    }

    [Fact]
    public async Task A_lost_listening_connection_is_opened_again_and_hears_again()
    {
        await using (var kill = database.Source.CreateCommand(
            """SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = 'LISTEN "incidentbot:' || current_schema() || '"'"""))
        {
            await kill.ExecuteScalarAsync();
        }

        await Eventually.TrueAsync(() => !b.Listener.Listening, "the listener to notice its connection is gone");
        await time.AdvanceUntilAsync(() => a.Listener.Listening && b.Listener.Listening, "both to listen again", TimeSpan.FromSeconds(1));
        var woken = b.Signals.Incidents.Next;
        a.Signals.Incidents.Notify();

        await Eventually.TrueAsync(() => woken.IsCompleted, "the other replica's incident signal after the reconnect");
    }

    private sealed class Replica : IAsyncDisposable
    {
        private readonly PostgresSignalRelay relay;

        private Replica(PostgresDatabase database, string connectionString, TimeProvider time)
        {
            var id = new ReplicaId();
            relay = new PostgresSignalRelay(database, id, NullLogger<PostgresSignalRelay>.Instance);
            Signals = new StoreSignals(relay);
            Listener = new PostgresSignalListener(
                Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSQL, ConnectionString = connectionString }),
                id, Signals, time, NullLogger<PostgresSignalListener>.Instance);
        }

        public StoreSignals Signals { get; }

        public PostgresSignalListener Listener { get; }

        public static async Task<Replica> StartAsync(PostgresDatabase database, string connectionString, TimeProvider time)
        {
            var replica = new Replica(database, connectionString, time);
            await replica.relay.StartAsync(CancellationToken.None);
            await replica.Listener.StartAsync(CancellationToken.None);
            return replica;
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            await relay.StopAsync(CancellationToken.None);
            Listener.Dispose();
            relay.Dispose();
        }
    }
}
