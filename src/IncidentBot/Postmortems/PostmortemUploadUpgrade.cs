namespace IncidentBot.Postmortems;

/// <summary>
/// Carries the upload records of an earlier version over to the incidents' documents (<see cref="PostmortemUploadStore.CarryOverAsync"/>)
/// as the host starts, before any hosted service's start (the outbox and the scheduled work ask about incidents), so an
/// incident whose draft was shared before the upgrade still counts as shared, and its war room is not bookmarked twice.
/// </summary>
public sealed partial class PostmortemUploadUpgrade(PostmortemUploadStore uploads, ILogger<PostmortemUploadUpgrade> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var written = await uploads.CarryOverAsync().ConfigureAwait(false);
        if (written > 0)
        {
            LogCarriedOver(written);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried {Count} incidents' post-mortem uploads over from the records of an earlier version")]
    private partial void LogCarriedOver(int count);
}
