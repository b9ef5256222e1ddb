namespace IncidentBot.Slack.Outbound;

/// <summary>
/// A Web API call that Slack answered with <c>{"ok":false,"error":"…"}</c>, or that could not get an answer
/// after the retries (<see cref="IsTransient"/> then says a later try may succeed).
/// </summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, bool isTransient = false)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
        IsTokenRefused = SlackErrors.TokenRefused.Contains(error);
        IsTransient = isTransient || IsTokenRefused || SlackErrors.Transient.Contains(error);
    }

    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = message;
        IsTransient = true;
    }

    /// <summary>The Web API method, e.g. <c>conversations.create</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>name_taken</c>, or <c>http_503</c> / <c>timeout</c> for transport failures.</summary>
    public string Error { get; }

    /// <summary>
    /// True when a later try may succeed: rate limiting, a 5xx, a timeout that outlasted the retries, Slack's own trouble
    /// answered in a 200 (<see cref="SlackErrors.Transient"/>), or a refused token (<see cref="IsTokenRefused"/>, which heals
    /// once the token is fixed).
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>Slack refused the bot token itself (<see cref="SlackErrors.TokenRefused"/>): not this call's fault, and not worth an attempt.</summary>
    public bool IsTokenRefused { get; }
}
