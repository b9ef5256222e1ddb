namespace IncidentBot.Slack;

/// <summary>
/// Slack's limits on the text of Web API calls outside Block Kit (those are <see cref="Blocks.BlockLimits"/>), counted
/// over the text as sent (escaped), in UTF-16 units: never fewer than Slack's own count of characters.
/// </summary>
public static class SlackLimits
{
    /// <summary>conversations.setTopic refuses a longer topic with <c>too_long</c>.</summary>
    public const int Topic = 250;

    /// <summary>conversations.setPurpose refuses a longer purpose with <c>too_long</c>.</summary>
    public const int Purpose = 250;

    /// <summary>A message's <c>text</c> (chat.postMessage, chat.update, chat.postEphemeral, a slash command's answer): <c>msg_too_long</c> past it.</summary>
    public const int MessageText = 40_000;
}
