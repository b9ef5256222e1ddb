using Microsoft.Extensions.Options;
using Npgsql;

namespace IncidentBot.Storage.Postgres;

/// <summary>
/// Hears what the other replicas' stores signalled (<see cref="PostgresSignalRelay"/>) on one dedicated connection that
/// LISTENs, and fires the same signals here, so a declaration on one replica wakes the leader's scheduler and every
/// outbox at once. A lost connection is opened again with back-off (1 s doubling to 30 s); each time it listens again,
/// the signals fire once, for what may have been missed meanwhile. Its own notifications it ignores.
/// </summary>
public sealed partial class PostgresSignalListener(
    IOptions<StorageOptions> options, ReplicaId replica, StoreSignals signals, TimeProvider time, ILogger<PostgresSignalListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Seconds of silence after which the connection is probed, so a dead one is noticed while waiting.</summary>
    private const int KeepAliveSeconds = 5;

    private volatile bool listening;

    /// <summary>Whether the connection is open and listening now.</summary>
    public bool Listening => listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => failures = 0, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever broke the connection, the relay must outlive it: the bot works without it, only slower.
                listening = false;
                failures++;
                LogLost(ex, failures);
                var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 5))));
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
        }

        listening = false;
    }

    private async Task ListenAsync(Action listened, CancellationToken stoppingToken)
    {
        var dedicated = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false, KeepAlive = KeepAliveSeconds };
        var connection = new NpgsqlConnection(dedicated.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, e) => Heard(e.Payload);
            await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
            string channel;
            await using (var name = new NpgsqlCommand($"SELECT {PostgresSignalMessage.ChannelSql}", connection))
            {
                channel = (string)(await name.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false))!;
            }

            await using (var listen = new NpgsqlCommand($"LISTEN \"{channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection))
            {
                await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
            }

            // What the others said while this replica was not listening is lost: look at everything once.
            signals.HeardIncidents();
            signals.HeardOutbox([]);
            listening = true;
            listened();
            while (!stoppingToken.IsCancellationRequested)
            {
                await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Heard(string payload)
    {
        if (PostgresSignalMessage.Parse(payload) is not { } message || message.Sender == replica.Value)
        {
            return;
        }

        if (message.Incidents)
        {
            signals.HeardIncidents();
        }

        if (message.Outbox)
        {
            signals.HeardOutbox(message.Lanes);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not hearing the other replicas (failure {Failures}); listening again shortly")]
    private partial void LogLost(Exception ex, int failures);
}
