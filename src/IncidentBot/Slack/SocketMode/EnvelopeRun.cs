using System.Text.Json.Nodes;
using IncidentBot.Slack.Inbound;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// How an envelope's delivery went (<see cref="RecentEnvelopes"/>): run here (<see cref="DeliveryClaimState.Taken"/>),
/// answered by an earlier delivery on another replica (<see cref="DeliveryClaimState.Done"/>), or running on another
/// replica now (<see cref="DeliveryClaimState.Busy"/>, no answer yet); <see cref="Answer"/> is the answer to send.
/// </summary>
public sealed record EnvelopeRun(DeliveryClaimState Claim, JsonObject? Answer);
