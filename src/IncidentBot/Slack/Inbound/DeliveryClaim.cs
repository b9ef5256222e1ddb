namespace IncidentBot.Slack.Inbound;

/// <summary>A claim's outcome, and for <see cref="DeliveryClaimState.Done"/> the answer the successful run gave (JSON, or null).</summary>
public readonly record struct DeliveryClaim(DeliveryClaimState State, string? Answer = null);
