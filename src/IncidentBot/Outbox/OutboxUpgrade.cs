using IncidentBot.Storage;

namespace IncidentBot.Outbox;

/// <summary>
/// Upgrades, once at start and before <see cref="OutboxService"/> runs, the pending messages stored before outbox steps
/// had typed payloads: each gets its payload from the step of its kind (<see cref="IOutboxStep.UpgradePayload"/>) and
/// is stored again in today's shape. A one-time migration rather than a tolerant reader, so a step reads one shape only;
/// finished messages are left as they are, as nothing delivers them again.
/// </summary>
public sealed partial class OutboxUpgrade(IIncidentStore store, OutboxSteps steps, ILogger<OutboxUpgrade> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var upgraded = await store.UpgradeOutboxAsync((message, stored) =>
        {
            if (steps.Find(message.Kind) is not { } step || step.UpgradePayload(stored) is not { } payload)
            {
                // Left as it is: a kind no step carries out any more, which the delivery sets aside (a kind added since
                // that version has a step but no upgrade, and no message of it was ever stored in that shape).
                return false;
            }

            message.Payload = payload;
            message.NeedsWarRoom = step.NeedsWarRoom;
            return true;
        }).ConfigureAwait(false);
        if (upgraded > 0)
        {
            LogUpgraded(upgraded);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgraded {Count} pending outbox messages stored by an earlier version")]
    private partial void LogUpgraded(int count);
}
