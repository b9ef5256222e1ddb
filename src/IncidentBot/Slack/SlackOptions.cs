namespace IncidentBot.Slack;

/// <summary>Settings of the "Slack" section: how the bot talks to Slack and checks that Slack is talking to it.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The bot user OAuth token (xoxb-…). Required. Never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The app's signing secret, used to verify every inbound request. Required. Never logged.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>
    /// The app-level token (xapp-…, scope <c>connections:write</c>). When set, the bot also opens a Socket Mode
    /// WebSocket to Slack and receives commands, events and interactions over it, so it needs no public URL. Default
    /// empty: HTTP only. Never logged.
    /// </summary>
    public string AppToken { get; set; } = "";

    /// <summary>Base address of the Web API. Default <c>https://slack.com/api/</c>; tests and local runs point it elsewhere.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How far a request's timestamp may be from now before it is refused as a replay. Default 5 minutes.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a Web API call is retried after a 429, a 5xx or a timeout. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// First delay of the jittered exponential backoff when Slack gives no Retry-After, and before a Socket Mode
    /// reconnect after a failure. Default 1 s.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one Web API attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
