namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Calls <c>auth.test</c> once the host has started, so a wrong or revoked token is reported at once (<c>/health</c>
/// degraded and one log line; the bot keeps running), and again while delivery is paused, backing off from
/// <see cref="FirstWait"/> to <see cref="MaxWait"/>, until Slack accepts the token. The back-off only starts over once the
/// token has been accepted for <see cref="SettleTime"/>: a scope that is still missing (auth.test needs none) pauses
/// delivery again at the next call, and the probes grow apart instead of retrying at once. It waits on the registered
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SlackTokenProbe(ISlackApi slack, SlackTokenState token, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SlackTokenProbe> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The sandbox's Slack is served by this very host: ask once it listens.
        await Task.Delay(Timeout.InfiniteTimeSpan, lifetime.ApplicationStarted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await ProbeAsync(atStart: true, stoppingToken).ConfigureAwait(false);
        var wait = FirstWait;
        DateTimeOffset? acceptedAt = token.IsPaused ? null : time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = token.Changed;
            if (!token.IsPaused)
            {
                acceptedAt ??= time.GetUtcNow();
                await changed.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            if (acceptedAt is { } since && time.GetUtcNow() - since >= SettleTime)
            {
                wait = FirstWait;
            }

            acceptedAt = null;
            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!await ProbeAsync(atStart: false, stoppingToken).ConfigureAwait(false))
            {
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxWait.Ticks));
            }
        }
    }

    /// <summary>One auth.test; true when Slack accepted the token.</summary>
    private async Task<bool> ProbeAsync(bool atStart, CancellationToken stoppingToken)
    {
        try
        {
            await slack.AuthTestAsync(stoppingToken).ConfigureAwait(false);
            token.Accepted();
            return true;
        }
        catch (SlackApiException ex) when (!ex.IsTokenRefused && atStart)
        {
            // Not a refusal (Slack unreachable, say): delivery could not get through either; say so now, probe on.
            token.Refused("auth.test", ex.Error);
            return false;
        }
        catch (SlackApiException ex)
        {
            // A refusal was reported by the client as it came; anything else is retried at the next probe.
            LogProbeFailed(ex.Error);
            return false;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "auth.test failed ({Error}); delivery to Slack stays paused")]
    private partial void LogProbeFailed(string error);
}
