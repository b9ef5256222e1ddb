using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// An acknowledgement the bot sent to <see cref="FakeSocketModeServer"/>: which envelope, the <c>payload</c> if any,
/// on which connection, and how long after the envelope was sent it arrived.
/// </summary>
public sealed record FakeSocketAck(string EnvelopeId, JsonObject? Payload, int Connection, TimeSpan Latency);
