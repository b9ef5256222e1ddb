namespace IncidentBot.Sandbox;

/// <summary>A message only <see cref="User"/> sees: a chat.postEphemeral, or the answer to their slash command.</summary>
public sealed class SandboxEphemeral
{
    public string Id { get; set; } = "";

    public string Channel { get; set; } = "";

    public string User { get; set; } = "";

    public string Ts { get; set; } = "";

    /// <summary>Who it is from: the bot, or Slackbot for Slack's own answers (an unknown command, a failed request).</summary>
    public string From { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Blocks { get; set; }

    public string? ThreadTs { get; set; }
}
