namespace IncidentBot.Slack.Inbound;

/// <summary>What a replica's claim on a delivery found (<see cref="IDeliveryClaims.ClaimAsync"/>).</summary>
public enum DeliveryClaimState
{
    /// <summary>This replica runs it.</summary>
    Taken,

    /// <summary>A run succeeded before: this delivery is a duplicate.</summary>
    Done,

    /// <summary>Not to run here now: another replica is running it, or the claims cannot be reached. Slack sends it again.</summary>
    Busy,
}
