using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// A slash command as Slack sends it: posted as a form over HTTP, or as a JSON object with the same field names in a
/// Socket Mode envelope.
/// </summary>
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
        return FromFields(key => form.TryGetValue(key, out var v) ? v.ToString() : "");
    }

    /// <summary>Reads the JSON payload of a Socket Mode <c>slash_commands</c> envelope; null as for <see cref="Parse"/>.</summary>
    public static SlashCommand? FromJson(JsonElement payload) => FromFields(key => SlackJson.Text(payload, key) ?? "");

    private static SlashCommand? FromFields(Func<string, string> get)
    {
        var user = get("user_id");
        var channel = get("channel_id");
        var command = get("command");
        if (user.Length == 0 || channel.Length == 0 || command.Length == 0)
        {
            return null;
        }

        return new SlashCommand(
            get("team_id"),
            new SlackChannelId(channel),
            get("channel_name"),
            new SlackUserId(user),
            get("user_name"),
            command,
            get("text"),
            get("response_url"),
            get("trigger_id"));
    }
}
