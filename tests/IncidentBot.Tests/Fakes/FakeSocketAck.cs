using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// An acknowledgement the bot sent to <see cref="FakeSocketModeServer"/>: which envelope, the <c>payload</c> if any,
/// and on which connection. How fast acknowledgements come is measured by the load run, not asserted by tests.
/// </summary>
public sealed record FakeSocketAck(string EnvelopeId, JsonObject? Payload, int Connection);
