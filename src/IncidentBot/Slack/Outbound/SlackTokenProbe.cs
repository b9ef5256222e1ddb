using Microsoft.Extensions.Options;

namespace IncidentBot.Slack.Outbound;

/// <summary>
/// Calls <c>auth.test</c> as the host starts, once it listens (the sandbox's Slack is served by this very host): a token
/// Slack refuses stops the start (<see cref="SlackTokenRefusedException"/>, one line naming <c>Slack:BotToken</c>), and a
/// Slack that cannot be reached within <see cref="SlackOptions.AttemptTimeout"/> lets the bot start degraded, saying so.
/// Later, while delivery is paused (a token revoked while the bot runs, or Slack unreachable at start), it calls
/// <c>auth.test</c> again, backing off from <see cref="FirstWait"/> to <see cref="MaxWait"/>, until Slack accepts the
/// token. The back-off only starts over once the token has been accepted for <see cref="SettleTime"/>: a scope that is
/// still missing (auth.test needs none) pauses delivery again at the next call, and the probes grow apart instead of
/// retrying at once. It waits on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SlackTokenProbe(ISlackApi slack, SlackTokenState token, TimeProvider time, IHostApplicationLifetime lifetime, IOptions<SlackOptions> options, ILogger<SlackTokenProbe> logger)
    : BackgroundService, IHostedLifecycleService
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(10);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The start's auth.test: after every service started and the server listens, before the host counts as started.</summary>
    /// <exception cref="SlackTokenRefusedException">Slack refused the token.</exception>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(options.Value.AttemptTimeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        token.StartCheck = true;
        try
        {
            await slack.AuthTestAsync(wait.Token).ConfigureAwait(false);
            token.Accepted();
        }
        catch (SlackApiException ex) when (ex.IsTokenRefused)
        {
            throw new SlackTokenRefusedException(
                $"Slack:BotToken was refused by Slack ({ex.Error}): set it to the app's Bot User OAuth Token (xoxb-…, under OAuth & Permissions once the app is installed), e.g. environment variable Slack__BotToken.",
                ex);
        }
        catch (SlackApiException ex)
        {
            token.Unreachable(ex.Error, options.Value.ApiBaseUrl);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            token.Unreachable("timeout", options.Value.ApiBaseUrl);
        }
        finally
        {
            token.StartCheck = false;
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using (var started = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStarted, stoppingToken))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, started.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

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
            if (!await ProbeAsync(stoppingToken).ConfigureAwait(false))
            {
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxWait.Ticks));
            }
        }
    }

    /// <summary>One auth.test; true when Slack accepted the token.</summary>
    private async Task<bool> ProbeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await slack.AuthTestAsync(stoppingToken).ConfigureAwait(false);
            token.Accepted();
            return true;
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
