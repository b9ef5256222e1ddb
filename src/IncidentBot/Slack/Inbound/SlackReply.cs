using System.Text.Json.Nodes;

namespace IncidentBot.Slack.Inbound;

/// <summary>The immediate answer to a slash command: ephemeral (only the caller sees it) unless <see cref="InChannel"/>.</summary>
public sealed record SlackReply(string Text, JsonArray? Blocks = null, bool InChannel = false)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["response_type"] = InChannel ? "in_channel" : "ephemeral", ["text"] = Text };
        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        return json;
    }
}
