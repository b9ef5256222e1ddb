using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// A request <see cref="FakeSlackApi"/> received: its method, its arguments (a form body becomes an object of strings)
/// and when it arrived. <see cref="Injected"/> is the queued fault that shaped the answer, so a test can count attempts.
/// </summary>
public sealed record RecordedCall(string Method, JsonObject Args, DateTimeOffset At, FakeSlackFault? Injected = null);
