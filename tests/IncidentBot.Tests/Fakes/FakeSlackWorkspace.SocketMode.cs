using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>apps.connections.open: hands out the WebSocket URLs of a <see cref="FakeSocketModeServer"/>.</summary>
internal sealed partial class FakeSlackWorkspace
{
    /// <summary>The next single-use WebSocket URL; null until a <see cref="FakeSocketModeServer"/> serves this workspace.</summary>
    public Func<Uri>? SocketModeUrl { get; set; }

    private JsonObject ConnectionsOpen() =>
        SocketModeUrl is { } next ? new JsonObject { ["ok"] = true, ["url"] = next().ToString() } : throw new SlackErrorException("internal_error");
}
