using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>apps.connections.open: hands out the WebSocket URLs of a Socket Mode fake (the tests' <c>FakeSocketModeServer</c>).</summary>
internal sealed partial class FakeSlackWorkspace
{
    /// <summary>The next single-use WebSocket URL; null until a Socket Mode fake (the tests' <c>FakeSocketModeServer</c>) serves this workspace.</summary>
    public Func<Uri>? SocketModeUrl { get; set; }

    private JsonObject ConnectionsOpen() =>
        SocketModeUrl is { } next ? new JsonObject { ["ok"] = true, ["url"] = next().ToString() } : throw new SlackErrorException("internal_error");
}
