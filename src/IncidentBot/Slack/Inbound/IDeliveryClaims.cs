namespace IncidentBot.Slack.Inbound;

/// <summary>
/// Slack's deliveries (event ids, Socket Mode envelope ids) as claimed by every replica of the bot, so a delivery Slack
/// sends again to another replica runs once. One replica alone needs no record beyond its memory
/// (<see cref="SingleReplicaClaims"/>); replicas sharing a database claim through it, registered by Storage.
/// </summary>
public interface IDeliveryClaims
{
    /// <summary>
    /// Claims <paramref name="id"/> for this replica: <see cref="DeliveryClaimState.Taken"/> when it is to run here
    /// (new, released by a run that failed, or left in progress too long by a replica that died), else
    /// <see cref="DeliveryClaimState.Done"/> with the answer the run gave, or <see cref="DeliveryClaimState.Busy"/>
    /// while another replica runs it.
    /// </summary>
    Task<DeliveryClaim> ClaimAsync(string id);

    /// <summary>The run of a taken claim succeeded: later deliveries are duplicates and get <paramref name="answer"/>.</summary>
    Task DoneAsync(string id, string? answer);

    /// <summary>The run of a taken claim failed: the next delivery, on any replica, runs it again.</summary>
    Task ReleaseAsync(string id);
}
