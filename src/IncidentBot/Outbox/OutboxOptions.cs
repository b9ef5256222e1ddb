namespace IncidentBot.Outbox;

/// <summary>Settings of the "Outbox" section: how long a message that keeps failing is tried before it is set aside.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Failed attempts (a fault of the bot's, or Slack's / a receiver's trouble that outlasts the back-off) after which a
    /// message is parked with its error instead of retried, and its lane goes on. Default 20 (the back-off is capped at
    /// 5 minutes, so about an hour and a half of trying). Attempts Slack refused for the bot token do not count.
    /// </summary>
    public int MaxAttempts { get; set; } = 20;
}
