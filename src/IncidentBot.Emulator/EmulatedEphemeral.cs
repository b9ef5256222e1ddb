namespace IncidentBot.Emulator;

/// <summary>A message only <see cref="User"/> sees: a chat.postEphemeral, or the answer to their slash command.</summary>
public sealed class EmulatedEphemeral
{
    public string Id { get; set => field = value ?? ""; } = "";

    public string Channel { get; set => field = value ?? ""; } = "";

    public string User { get; set => field = value ?? ""; } = "";

    public string Ts { get; set => field = value ?? ""; } = "";

    /// <summary>Who it is from: the bot, or Slackbot for Slack's own answers (an unknown command, a failed request).</summary>
    public string From { get; set => field = value ?? ""; } = "";

    public string Text { get; set => field = value ?? ""; } = "";

    public string? Blocks { get; set; }

    public string? ThreadTs { get; set; }
}
