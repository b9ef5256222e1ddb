using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Slack.Inbound;

/// <summary>A slash command as Slack posts it (application/x-www-form-urlencoded).</summary>
public sealed record SlashCommand(
    string TeamId,
    SlackChannelId ChannelId,
    string ChannelName,
    SlackUserId UserId,
    string UserName,
    string Command,
    string Text,
    string ResponseUrl,
    string TriggerId)
{
    /// <summary>Parses the raw form body; null when a field the bot needs (user_id, channel_id, command) is absent.</summary>
    public static SlashCommand? Parse(string formBody)
    {
        var form = QueryHelpers.ParseQuery(formBody);
        string Get(string key) => form.TryGetValue(key, out var v) ? v.ToString() : "";
        var user = Get("user_id");
        var channel = Get("channel_id");
        var command = Get("command");
        if (user.Length == 0 || channel.Length == 0 || command.Length == 0)
        {
            return null;
        }

        return new SlashCommand(
            Get("team_id"),
            new SlackChannelId(channel),
            Get("channel_name"),
            new SlackUserId(user),
            Get("user_name"),
            command,
            Get("text"),
            Get("response_url"),
            Get("trigger_id"));
    }
}
