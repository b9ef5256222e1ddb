namespace IncidentBot.Slack.SocketMode;

/// <summary>The Socket Mode connection's state, written by <see cref="SocketModeService"/> and read by <c>/health</c>.</summary>
public sealed class SocketModeStatus
{
    private volatile SocketModeConnection? live;
    private volatile bool everConnected;
    private volatile bool enabled;

    public SocketState State =>
        !enabled ? SocketState.Disabled
        : live is { IsOpen: true } ? SocketState.Connected
        : everConnected ? SocketState.Reconnecting
        : SocketState.Connecting;

    /// <summary>A state's name as <c>/health</c> shows it: disabled, connecting, connected or reconnecting.</summary>
    public static string HealthName(SocketState state) => state switch
    {
        SocketState.Disabled => "disabled",
        SocketState.Connecting => "connecting",
        SocketState.Connected => "connected",
        _ => "reconnecting",
    };

    internal void Enable() => enabled = true;

    /// <summary>
    /// From now on the state follows <paramref name="connection"/>: connected while its socket is open, reconnecting
    /// as soon as it dies, even before the service notices.
    /// </summary>
    internal void Follow(SocketModeConnection connection)
    {
        live = connection;
        everConnected = true;
    }

    internal void Lost() => live = null;
}
