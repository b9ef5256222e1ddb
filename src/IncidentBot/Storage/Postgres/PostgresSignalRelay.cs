using System.Collections.Concurrent;
using IncidentBot.Incidents;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// Tells the other replicas what this one's stores signalled, with one NOTIFY per round on a pooled connection; the
/// signals of a burst of commits go out together. A NOTIFY that fails is not repeated: the others' own scans (the
/// outbox's once a second, the scheduler's once a minute) find the work anyway, only later.
/// </summary>
public sealed partial class PostgresSignalRelay(PostgresDatabase database, ReplicaId replica, ILogger<PostgresSignalRelay> logger) : BackgroundService, IStoreSignalRelay
{
    private readonly Signal queued = new();
    private readonly ConcurrentDictionary<(IncidentId Incident, int Lane), byte> lanes = new();
    private int incidents;
    private int outbox;

    public void IncidentsChanged()
    {
        Volatile.Write(ref incidents, 1);
        queued.Notify();
    }

    public void OutboxAdded(IReadOnlyCollection<(IncidentId Incident, int Lane)> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        foreach (var lane in lanes)
        {
            this.lanes.TryAdd(lane, 0);
        }

        Volatile.Write(ref outbox, 1);
        queued.Notify();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = queued.Next;
            if (Take() is { } message)
            {
                await SendAsync(message, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await next.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private PostgresSignalMessage? Take()
    {
        var changed = Interlocked.Exchange(ref incidents, 0) == 1;
        var added = Interlocked.Exchange(ref outbox, 0) == 1;
        if (!changed && !added)
        {
            return null;
        }

        var taken = new List<(IncidentId Incident, int Lane)>();
        foreach (var lane in lanes.Keys)
        {
            if (lanes.TryRemove(lane, out _))
            {
                taken.Add(lane);
            }
        }

        return new PostgresSignalMessage(replica.Value, changed, added, taken);
    }

    private async Task SendAsync(PostgresSignalMessage message, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var payload in message.Payloads())
            {
                await using var command = database.Source.CreateCommand($"SELECT pg_notify({PostgresSignalMessage.ChannelSql}, @payload)");
                command.Parameters.AddWithValue("payload", payload);
                await command.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the others find the work by their own scans.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other replicas of a commit; they find the work by their own scans")]
    private partial void LogSendFailed(Exception ex);
}
