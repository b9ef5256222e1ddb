namespace IncidentBot.Sandbox;

/// <summary>
/// Delivers the workspace's events to the bot one at a time, in the order they happened, as Slack's Events API does
/// for one app.
/// </summary>
public sealed class SandboxEventService(SlackEventBacklog queue, SlackEmulator slack) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var slackEvent in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await slack.SendEventAsync(slackEvent, stoppingToken).ConfigureAwait(false);
        }
    }
}
