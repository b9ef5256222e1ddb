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
        string? Get(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        return From(new SlashCommandFields(
            Get("team_id"), Get("channel_id"), Get("channel_name"), Get("user_id"), Get("user_name"), Get("command"), Get("text"), Get("response_url"), Get("trigger_id")));
    }

    /// <summary>
    /// Reads the JSON payload of a Socket Mode <c>slash_commands</c> envelope; null as for <see cref="Parse"/>, and when
    /// a field is not a string or not text.
    /// </summary>
    public static SlashCommand? FromJson(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return From(payload.Deserialize(SlackInboundContext.Default.SlashCommandFields));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SlashCommand? From(SlashCommandFields? fields)
    {
        if (fields is not { UserId.Length: > 0, ChannelId.Length: > 0, Command.Length: > 0 })
        {
            return null;
        }

        return new SlashCommand(
            fields.TeamId ?? "",
            new SlackChannelId(fields.ChannelId),
            fields.ChannelName ?? "",
            new SlackUserId(fields.UserId),
            fields.UserName ?? "",
            fields.Command,
            fields.Text ?? "",
            fields.ResponseUrl ?? "",
            fields.TriggerId ?? "");
    }
}
