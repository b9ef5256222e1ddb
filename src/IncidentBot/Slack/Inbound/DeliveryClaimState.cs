namespace IncidentBot.Slack.Inbound;

/// <summary>What a replica's claim on a delivery found (<see cref="IDeliveryClaims.ClaimAsync"/>).</summary>
public enum DeliveryClaimState
{
    /// <summary>This replica runs it.</summary>
    Taken,

    /// <summary>A run succeeded before: this delivery is a duplicate.</summary>
    Done,

    /// <summary>Another replica is running it now.</summary>
    Busy,
}
