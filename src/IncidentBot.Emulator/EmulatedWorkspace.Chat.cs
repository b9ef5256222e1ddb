using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>chat.*: posting, editing and linking messages.</summary>
public sealed partial class EmulatedWorkspace
{
    private JsonObject PostMessage(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var (text, blocks) = Content(args, previousBlocks: null);
        var threadTs = SlackArgs.Given(args, "thread_ts");
        if (threadTs is not null)
        {
            threadTs = Message(channel, threadTs).ThreadTs ?? threadTs;
        }

        var message = new EmulatedMessage
        {
            Channel = channel.Id, Ts = NextTs(), User = BotUserId, IsBot = true, Text = text, Blocks = blocks,
            Metadata = Metadata(args, previous: null), ThreadTs = threadTs,
        };
        message.Id = EmulatedMessage.IdOf(channel.Id, message.Ts);
        messages.Insert(message);
        Tell(channel, MessageEvent(message));
        return new JsonObject { ["ok"] = true, ["channel"] = channel.Id, ["ts"] = message.Ts, ["message"] = MessageJson(message) };
    }

    /// <summary>Leaving out <c>blocks</c> or <c>metadata</c> keeps the old ones; an empty array or object removes them.</summary>
    private JsonObject Update(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var message = Message(channel, SlackArgs.Text(args, "ts"));
        if (message.User != BotUserId)
        {
            throw new SlackErrorException("cant_update_message");
        }

        var previous = MessageJson(message);
        (message.Text, message.Blocks) = Content(args, message.Blocks);
        message.Metadata = Metadata(args, message.Metadata);
        message.EditedTs = NextTs();
        messages.Update(message);
        var updated = MessageJson(message);
        Tell(channel, new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = "message_changed",
            ["channel"] = channel.Id,
            ["hidden"] = true,
            ["message"] = updated.DeepClone(),
            ["previous_message"] = previous,
            ["ts"] = message.EditedTs,
            ["event_ts"] = message.EditedTs,
            ["channel_type"] = channel.IsPrivate ? "group" : "channel",
        });
        return new JsonObject { ["ok"] = true, ["channel"] = channel.Id, ["ts"] = message.Ts, ["text"] = message.Text, ["message"] = updated };
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var user = SlackArgs.Text(args, "user");
        if (!IsUserId(user) || (profile.EphemeralsNeedMembership && !channel.Members.Contains(user!)))
        {
            throw new SlackErrorException("user_not_in_channel");
        }

        var (text, blocks) = Content(args, previousBlocks: null);
        var ephemeral = AddEphemeral(channel.Id, user!, BotUserId, text, blocks, SlackArgs.Given(args, "thread_ts"));
        return new JsonObject { ["ok"] = true, ["message_ts"] = ephemeral.Ts };
    }

    private JsonObject Permalink(JsonObject args)
    {
        var channel = Channel(args, member: false);
        var message = Message(channel, SlackArgs.Text(args, "message_ts"));
        return new JsonObject { ["ok"] = true, ["channel"] = channel.Id, ["permalink"] = PermalinkOf(message) };
    }

    /// <summary>Slack's permalink shape, on the sandbox's own address, so the link opens the message on the page.</summary>
    private string PermalinkOf(EmulatedMessage message)
    {
        var link = $"{profile.Url}archives/{message.Channel}/p{message.Ts.Replace(".", "", StringComparison.Ordinal)}";
        return message.ThreadTs is null ? link : $"{link}?thread_ts={message.ThreadTs}&cid={message.Channel}";
    }

    private EmulatedEphemeral AddEphemeral(string channel, string user, string from, string text, string? blocks, string? threadTs)
    {
        var ephemeral = new EmulatedEphemeral
        {
            Id = NewId('E', 12), Channel = channel, User = user, From = from, Ts = NextTs(), Text = text, Blocks = blocks, ThreadTs = threadTs,
        };
        ephemerals.Insert(ephemeral);
        return ephemeral;
    }

    private static (string Text, string? Blocks) Content(JsonObject args, string? previousBlocks)
    {
        var text = SlackArgs.Text(args, "text") ?? "";
        var blocks = args.ContainsKey("blocks") ? Blocks(args) : previousBlocks;
        if (text.Length == 0 && blocks is null)
        {
            throw new SlackErrorException("no_text");
        }

        return text.Length > 40_000 ? throw new SlackErrorException("msg_too_long") : (text, blocks);
    }

    private static string? Blocks(JsonObject args)
    {
        if (SlackArgs.Structured(args, "blocks") is not JsonArray blocks
            || blocks.Count > 50
            || blocks.Any(b => b is not JsonObject block || SlackArgs.Text(block, "type") is not { Length: > 0 }))
        {
            throw new SlackErrorException("invalid_blocks");
        }

        return blocks.Count == 0 ? null : blocks.ToJsonString();
    }

    private static string? Metadata(JsonObject args, string? previous)
    {
        if (!args.ContainsKey("metadata"))
        {
            return previous;
        }

        return SlackArgs.Structured(args, "metadata") switch
        {
            JsonObject { Count: 0 } => null,
            JsonObject m when SlackArgs.Text(m, "event_type") is { Length: > 0 } && m["event_payload"] is JsonObject => m.ToJsonString(),
            _ => throw new SlackErrorException("invalid_metadata_format"),
        };
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    /// <summary>One message as Slack answers it, its replies counted through the thread index, not by reading its channel.</summary>
    private JsonObject MessageJson(EmulatedMessage m) => MessageJson(m, messages.Count(r => r.ThreadTs == m.Ts && r.Channel == m.Channel));

    /// <summary>A message as history and replies show it; a thread's parent carries its own ts as thread_ts and a reply count.</summary>
    private JsonObject MessageJson(EmulatedMessage m, List<EmulatedMessage> channelMessages) => MessageJson(m, channelMessages.Count(r => r.ThreadTs == m.Ts));

    private JsonObject MessageJson(EmulatedMessage m, int replies)
    {
        var json = new JsonObject { ["type"] = "message", ["user"] = m.User, ["text"] = m.Text, ["ts"] = m.Ts };
        if (m.IsBot || m.User == BotUserId)
        {
            json["bot_id"] = profile.BotId;
            json["app_id"] = profile.AppId;
        }

        if (Parse(m.Blocks) is { } blocks)
        {
            json["blocks"] = blocks;
        }

        if (m.ThreadTs is not null || replies > 0)
        {
            json["thread_ts"] = m.ThreadTs ?? m.Ts;
        }

        if (replies > 0)
        {
            json["reply_count"] = replies;
        }

        if (Parse(m.Metadata) is { } metadata)
        {
            json["metadata"] = metadata;
        }

        if (m.EditedTs is not null)
        {
            json["edited"] = new JsonObject { ["user"] = m.User, ["ts"] = m.EditedTs };
        }

        if (m.Reactions.Count > 0)
        {
            json["reactions"] = new JsonArray([.. m.Reactions.Select(r => new JsonObject
            {
                ["name"] = r.Name,
                ["users"] = new JsonArray([.. r.Users.Select(u => (JsonNode?)u)]),
                ["count"] = r.Users.Count,
            })]);
        }

        if (m.PinnedBy is not null)
        {
            json["pinned_to"] = new JsonArray(m.Channel);
        }

        return json;
    }

    /// <summary>The Events API <c>message</c> event of a new message.</summary>
    private JsonObject MessageEvent(EmulatedMessage message)
    {
        var json = MessageJson(message);
        json["channel"] = message.Channel;
        json["event_ts"] = message.Ts;
        json["channel_type"] = "channel";
        return json;
    }
}
