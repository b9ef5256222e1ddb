using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Inbound;

/// <summary>
/// The immediate answer to a slash command: ephemeral (only the caller sees it) unless <see cref="InChannel"/>; a text
/// past Slack's message limit (a long list, say) is cut to fit.
/// </summary>
public sealed record SlackReply(string Text, JsonArray? Blocks = null, bool InChannel = false)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["response_type"] = InChannel ? "in_channel" : "ephemeral", ["text"] = SlackText.Fit(Text, SlackLimits.MessageText) };
        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        return json;
    }
}
