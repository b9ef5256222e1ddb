namespace IncidentBot.Sandbox;

/// <summary>
/// Says where the sandbox is, then delivers the workspace's events to the bot one at a time, in the order they
/// happened, as Slack's Events API does for one app.
/// </summary>
public sealed partial class SandboxEventService(SlackEventBacklog queue, SlackEmulator slack, SandboxSession session, ILogger<SandboxEventService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        LogSandbox(new Uri(session.BaseUrl, "/"));
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var slackEvent in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await slack.SendEventAsync(slackEvent, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SANDBOX MODE: no Slack workspace is used; IncidentBot runs against an emulated one. Open {Url} in a browser.")]
    private partial void LogSandbox(Uri url);
}
