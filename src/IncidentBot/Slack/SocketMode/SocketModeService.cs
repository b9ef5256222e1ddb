using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Keeps a Socket Mode connection to Slack while <c>Slack:AppToken</c> is set. When Slack announces a disconnect, the
/// replacement is opened first and the old connection closed only once Slack has said hello on the new one, so no
/// envelope falls in a gap; when a socket dies, it reconnects with jittered exponential backoff.
/// </summary>
public sealed partial class SocketModeService(
    IOptions<SlackOptions> options,
    AppsConnectionsClient connections,
    SocketEnvelopeHandler envelopes,
    SocketModeStatus status,
    TimeProvider time,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>A connection that lasted this long was healthy: a failure after it starts the backoff afresh.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(30);

    private int opened;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AppToken.Length == 0)
        {
            return;
        }

        status.Enable();
        SocketModeConnection? current = null;
        var retiring = new List<Task>();
        var failures = 0;
        try
        {
            while (true)
            {
                if (failures > 0)
                {
                    await Task.Delay(Backoff(failures), time, stoppingToken).ConfigureAwait(false);
                }

                SocketModeConnection next;
                try
                {
                    next = await OpenAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    failures++;
                    LogOpenFailed(ex, ex.Message, failures);
                    continue;
                }

                if (current is not null)
                {
                    retiring.RemoveAll(t => t.IsCompleted);
                    retiring.Add(RetireAsync(current));
                }

                current = next;
                status.Follow(current);
                var since = time.GetTimestamp();
                var ended = await Task.WhenAny(current.DisconnectRequested, current.Completion).WaitAsync(stoppingToken).ConfigureAwait(false);
                if (time.GetElapsedTime(since) >= StableAfter)
                {
                    failures = 0;
                }

                if (ended == current.DisconnectRequested)
                {
                    // The current connection keeps receiving until its replacement has said hello.
                    var reason = await current.DisconnectRequested.ConfigureAwait(false);
                    if (reason is "refresh_requested" or "warning")
                    {
                        failures = 0;
                        LogRefresh(current.Number, reason);
                    }
                    else
                    {
                        // link_disabled (Socket Mode turned off in the app's settings), too_many_websockets (more than
                        // Slack allows for one app): reconnecting at once would only be refused again.
                        failures++;
                        LogRefused(current.Number, reason);
                    }
                }
                else
                {
                    failures++;
                    status.Lost();
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: close below.
        }
        finally
        {
            if (current is not null)
            {
                retiring.Add(RetireAsync(current));
            }

            await Task.WhenAll(retiring).ConfigureAwait(false);
        }
    }

    private async Task<SocketModeConnection> OpenAsync(CancellationToken stoppingToken)
    {
        var url = await connections.OpenAsync(stoppingToken).ConfigureAwait(false);
        var connection = new SocketModeConnection(Interlocked.Increment(ref opened), envelopes, time, logger, stoppingToken);
        try
        {
            await connection.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        LogConnected(connection.Number);
        return connection;
    }

    private async Task RetireAsync(SocketModeConnection connection)
    {
        await using (connection.ConfigureAwait(false))
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        LogClosed(connection.Number);
    }

    private TimeSpan Backoff(int failures)
    {
        var first = options.Value.RetryBaseDelay;
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);

        // Jitter keeps several bots (or replicas) from knocking on Slack in step after a shared outage.
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Number} open")]
    private partial void LogConnected(int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection {Number} closed")]
    private partial void LogClosed(int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack will close Socket Mode connection {Number} ({Reason}); opening its replacement first")]
    private partial void LogRefresh(int number, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack is closing Socket Mode connection {Number}: {Reason}; reconnecting with backoff")]
    private partial void LogRefused(int number, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a Socket Mode connection ({Failure}); attempt {Failures} failed, retrying with backoff")]
    private partial void LogOpenFailed(Exception ex, string failure, int failures);
}
