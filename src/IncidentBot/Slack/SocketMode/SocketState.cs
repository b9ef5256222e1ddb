namespace IncidentBot.Slack.SocketMode;

/// <summary>Where the Socket Mode connection stands, as <c>/health</c> reports it.</summary>
public enum SocketState
{
    /// <summary>No <c>Slack:AppToken</c>: the bot receives over HTTP only.</summary>
    Disabled,

    /// <summary>Opening the first connection since start.</summary>
    Connecting,

    /// <summary>A connection is open and Slack has said hello.</summary>
    Connected,

    /// <summary>The connection was lost; a new one is being opened, with backoff.</summary>
    Reconnecting,
}
