using IncidentBot.Slack;
using IncidentBot.Slack.Outbound;
using IncidentBot.Storage;

namespace IncidentBot.AppHome;

/// <summary>
/// Publishes App Home tabs: the tab of whoever just opened it, and everyone's (<see cref="HomeViewers"/>) after an
/// incident change was committed (the store's signal, so the tab never shows the state before it). A burst of changes
/// republishes once more at most. Best effort: a tab that fails to publish is shown afresh when next opened.
/// </summary>
public sealed partial class HomeRefreshService(HomeViewers viewers, StoreSignals signals, HomeView home, ISlackApi slack, ILogger<HomeRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each signal is taken before the work it announces is looked at, so news that lands meanwhile wakes the next round.
        var changed = signals.Incidents.Next;
        while (!stoppingToken.IsCancellationRequested)
        {
            var opened = viewers.Opened.Next;
            foreach (var user in viewers.TakeOpened())
            {
                await PublishAsync(user, stoppingToken).ConfigureAwait(false);
            }

            Task either = Task.WhenAny(changed, opened);
            await either.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (changed.IsCompleted && !stoppingToken.IsCancellationRequested)
            {
                changed = signals.Incidents.Next;
                foreach (var user in viewers.All())
                {
                    await PublishAsync(user, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task PublishAsync(SlackUserId user, CancellationToken cancellationToken)
    {
        try
        {
            await slack.PublishViewAsync(user, home.For(user), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(ex, user.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the App Home tab of {User} failed; it is shown afresh when next opened")]
    private partial void LogPublishFailed(Exception ex, string user);
}
