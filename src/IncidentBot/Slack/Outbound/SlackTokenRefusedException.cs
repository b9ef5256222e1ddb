namespace IncidentBot.Slack.Outbound;

/// <summary>Slack refused the bot token at start (<c>auth.test</c>); the message names the setting, for one line at start-up.</summary>
public sealed class SlackTokenRefusedException : Exception
{
    public SlackTokenRefusedException()
    {
    }

    public SlackTokenRefusedException(string message)
        : base(message)
    {
    }

    public SlackTokenRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
