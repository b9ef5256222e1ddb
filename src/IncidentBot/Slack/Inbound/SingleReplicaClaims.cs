namespace IncidentBot.Slack.Inbound;

/// <summary>
/// The claims of a bot that runs alone (LiteDB): every claim is taken and nothing is written, as the replica's own
/// memory (<see cref="RecentEventIds"/>, <c>SocketMode.RecentEnvelopes</c>) already knows its deliveries.
/// </summary>
public sealed class SingleReplicaClaims : IDeliveryClaims
{
    private static readonly Task<DeliveryClaim> Taken = Task.FromResult(new DeliveryClaim(DeliveryClaimState.Taken));

    public Task<DeliveryClaim> ClaimAsync(string id) => Taken;

    public Task DoneAsync(string id, string? answer) => Task.CompletedTask;

    public Task ReleaseAsync(string id) => Task.CompletedTask;
}
