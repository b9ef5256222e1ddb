using IncidentBot.Sandbox;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>chat.*: posting, editing and linking messages.</summary>
internal sealed partial class FakeSlackWorkspace
{
    private JsonObject PostMessage(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var (text, blocks) = Content(args, previousBlocks: null);
        var metadata = Metadata(args, previous: null);
        var message = new FakeMessage(channel.Id, NextTs(), FakeSlackApi.BotUserId, text, blocks, metadata, SandboxArgs.Given(args, "thread_ts"), EditedTs: null);
        messages[channel.Id].Add(message);
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel.Id,
            ["ts"] = message.Ts,
            ["message"] = MessageJson(message, messages[channel.Id]),
        };
    }

    /// <summary>Leaving out <c>blocks</c> or <c>metadata</c> keeps the old ones; an empty array or object removes them.</summary>
    private JsonObject Update(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var old = Message(channel, SandboxArgs.Text(args, "ts"));
        if (old.User != FakeSlackApi.BotUserId)
        {
            throw new SlackErrorException("cant_update_message");
        }

        var (text, blocks) = Content(args, old.Blocks);
        var updated = old with { Text = text, Blocks = blocks, Metadata = Metadata(args, old.Metadata), EditedTs = NextTs() };
        var list = messages[channel.Id];
        list[list.IndexOf(old)] = updated;
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel.Id,
            ["ts"] = updated.Ts,
            ["text"] = updated.Text,
            ["message"] = MessageJson(updated, list),
        };
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var user = SandboxArgs.Text(args, "user");
        if (!IsUserId(user))
        {
            throw new SlackErrorException("user_not_in_channel");
        }

        var (text, blocks) = Content(args, previousBlocks: null);
        var ephemeral = new FakeEphemeral(channel.Id, user!, NextTs(), text, blocks, SandboxArgs.Given(args, "thread_ts"));
        ephemerals.Add(ephemeral);
        return new JsonObject { ["ok"] = true, ["message_ts"] = ephemeral.MessageTs };
    }

    private JsonObject Permalink(JsonObject args)
    {
        var channel = Channel(args, member: false);
        var message = Message(channel, SandboxArgs.Text(args, "message_ts"));
        var link = $"{WorkspaceUrl}archives/{channel.Id}/p{message.Ts.Replace(".", "", StringComparison.Ordinal)}";
        if (message.ThreadTs is not null)
        {
            link += $"?thread_ts={message.ThreadTs}&cid={channel.Id}";
        }

        return new JsonObject { ["ok"] = true, ["channel"] = channel.Id, ["permalink"] = link };
    }

    private static (string Text, JsonArray? Blocks) Content(JsonObject args, JsonArray? previousBlocks)
    {
        var text = SandboxArgs.Text(args, "text") ?? "";
        var blocks = args.ContainsKey("blocks") ? Blocks(args) : previousBlocks;
        if (text.Length == 0 && blocks is null)
        {
            throw new SlackErrorException("no_text");
        }

        return text.Length > 40_000 ? throw new SlackErrorException("msg_too_long") : (text, blocks);
    }

    private static JsonArray? Blocks(JsonObject args)
    {
        if (SandboxArgs.Structured(args, "blocks") is not JsonArray blocks
            || blocks.Count > 50
            || blocks.Any(b => b is not JsonObject block || SandboxArgs.Text(block, "type") is not { Length: > 0 }))
        {
            throw new SlackErrorException("invalid_blocks");
        }

        return blocks.Count == 0 ? null : (JsonArray)blocks.DeepClone();
    }

    private static JsonObject? Metadata(JsonObject args, JsonObject? previous)
    {
        if (!args.ContainsKey("metadata"))
        {
            return previous;
        }

        return SandboxArgs.Structured(args, "metadata") switch
        {
            JsonObject { Count: 0 } => null,
            JsonObject m when SandboxArgs.Text(m, "event_type") is { Length: > 0 } && m["event_payload"] is JsonObject => (JsonObject)m.DeepClone(),
            _ => throw new SlackErrorException("invalid_metadata_format"),
        };
    }

    /// <summary>A message as history and replies show it; a thread's parent carries its own ts as thread_ts and a reply count.</summary>
    private static JsonObject MessageJson(FakeMessage m, List<FakeMessage> channelMessages)
    {
        var json = new JsonObject { ["type"] = "message", ["user"] = m.User, ["text"] = m.Text, ["ts"] = m.Ts };
        if (m.User == FakeSlackApi.BotUserId)
        {
            json["bot_id"] = FakeSlackApi.BotId;
        }

        if (m.Blocks is not null)
        {
            json["blocks"] = m.Blocks.DeepClone();
        }

        var replies = channelMessages.Count(r => r.ThreadTs == m.Ts);
        if (m.ThreadTs is not null || replies > 0)
        {
            json["thread_ts"] = m.ThreadTs ?? m.Ts;
        }

        if (replies > 0)
        {
            json["reply_count"] = replies;
        }

        if (m.Metadata is not null)
        {
            json["metadata"] = m.Metadata.DeepClone();
        }

        if (m.EditedTs is not null)
        {
            json["edited"] = new JsonObject { ["user"] = m.User, ["ts"] = m.EditedTs };
        }

        return json;
    }
}
