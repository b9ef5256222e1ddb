using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>conversations.*: channels, their members, and reading messages back.</summary>
public sealed partial class EmulatedWorkspace
{
    private const string CursorPrefix = "offset:";

    private JsonObject Create(JsonObject args)
    {
        var name = SlackArgs.Text(args, "name");
        var error = name switch
        {
            null or "" => "invalid_name_required",
            { Length: > 80 } => "invalid_name_maxlength",
            _ when !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') => "invalid_name_specials",
            _ when name.All(c => c is '-' or '_') => "invalid_name_punctuation",
            // Archived channels keep their names, so an old incident's name stays taken.
            _ when channels.Exists(c => c.Name == name) => "name_taken",
            _ => null,
        };
        if (error is not null)
        {
            throw new SlackErrorException(error);
        }

        var channel = new EmulatedChannel
        {
            Id = NewId('C'), Name = name!, IsPrivate = SlackArgs.Flag(args, "is_private"),
            Members = [BotUserId], Creator = BotUserId,
            Created = Now(), Order = channels.Count(),
        };
        channels.Insert(channel);
        return new JsonObject { ["ok"] = true, ["channel"] = ChannelJson(channel) };
    }

    /// <summary>Without <c>force</c>, one bad user fails the whole call and nobody is invited; <c>errors</c> says who and why.</summary>
    private JsonObject Invite(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var users = (SlackArgs.Text(args, "users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length == 0)
        {
            throw new SlackErrorException("no_user");
        }

        var problems = users
            .Select(u => (User: u, Error: u == BotUserId ? "cant_invite_self"
                : directory.Find(u) is null ? "user_not_found"
                : channel.Members.Contains(u) ? "already_in_channel"
                : null))
            .Where(p => p.Error is not null)
            .ToList();
        if (problems.Count > 0)
        {
            var refusal = Error(problems[0].Error!);
            refusal["errors"] = new JsonArray([.. problems.Select(p => new JsonObject { ["user"] = p.User, ["ok"] = false, ["error"] = p.Error })]);
            return refusal;
        }

        channel.Members.AddRange(users.Distinct(StringComparer.Ordinal));
        channels.Update(channel);
        return new JsonObject { ["ok"] = true, ["channel"] = ChannelJson(channel) };
    }

    /// <summary>The bot's direct-message conversation with one person: made on first use, shown on the page as <c>@name</c>.</summary>
    private JsonObject OpenDirectMessage(JsonObject args)
    {
        var users = (SlackArgs.Text(args, "users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users is not [var id])
        {
            throw new SlackErrorException(users.Length == 0 ? "users_list_not_supplied" : "not_enough_users");
        }

        var person = directory.Find(id) ?? throw new SlackErrorException("user_not_found");
        var channel = channels.FindAll().FirstOrDefault(c => c.Id.StartsWith('D') && c.Members.Contains(person.Id));
        if (channel is null)
        {
            channel = new EmulatedChannel
            {
                Id = NewId('D'), Name = "@" + person.Name, IsPrivate = true,
                Members = [BotUserId, person.Id], Creator = BotUserId,
                Created = Now(), Order = channels.Count(),
            };
            channels.Insert(channel);
        }

        return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = channel.Id } };
    }

    private JsonObject SetTopic(JsonObject args, bool topic)
    {
        var channel = Channel(args, writable: true);
        var value = SlackArgs.Text(args, topic ? "topic" : "purpose") ?? "";
        if (value.Length > 250)
        {
            throw new SlackErrorException("too_long");
        }

        if (topic)
        {
            channel.Topic = value;
        }
        else
        {
            channel.Purpose = value;
        }

        channels.Update(channel);
        return new JsonObject { ["ok"] = true, ["channel"] = ChannelJson(channel) };
    }

    private JsonObject Archive(JsonObject args)
    {
        var channel = Channel(args);
        if (channel.IsArchived)
        {
            throw new SlackErrorException("already_archived");
        }

        channel.IsArchived = true;
        channels.Update(channel);
        return Ok();
    }

    /// <summary>Public channels whether or not the bot is in them, private ones only if it is, as for a bot token.</summary>
    private JsonObject List(JsonObject args)
    {
        var types = (SlackArgs.Text(args, "types") ?? "public_channel").Split(',', StringSplitOptions.TrimEntries);
        var excludeArchived = SlackArgs.Flag(args, "exclude_archived");
        var visible = channels.FindAll()
            .Where(c => (c.IsPrivate ? types.Contains("private_channel") && c.Members.Contains(BotUserId) : types.Contains("public_channel"))
                && !(excludeArchived && c.IsArchived))
            .OrderBy(c => c.Created)
            .ThenBy(c => c.Order)
            .ToList();
        var (page, next) = Page(visible, args, defaultLimit: 100, maxLimit: 1000);
        return new JsonObject
        {
            ["ok"] = true,
            ["channels"] = new JsonArray([.. page.Select(ChannelJson)]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    /// <summary>Top-level messages, newest first; thread replies stay in their thread.</summary>
    private JsonObject History(JsonObject args)
    {
        var channel = Channel(args);
        var oldest = SlackArgs.Given(args, "oldest") is { } o ? ParseTs(o) ?? throw new SlackErrorException("invalid_ts_oldest") : 0m;
        var latest = SlackArgs.Given(args, "latest") is { } l ? ParseTs(l) ?? throw new SlackErrorException("invalid_ts_latest") : decimal.MaxValue;
        var inclusive = SlackArgs.Flag(args, "inclusive");
        var all = MessagesIn(channel.Id);
        var newestFirst = all
            .Where(m => m.ThreadTs is null && ParseTs(m.Ts) is { } ts
                && (inclusive ? ts >= oldest : ts > oldest) && (inclusive ? ts <= latest : ts < latest))
            .Reverse()
            .ToList();
        return MessagePage(newestFirst, all, args, defaultLimit: 100, maxLimit: 999);
    }

    private JsonObject Replies(JsonObject args)
    {
        var channel = Channel(args);
        var all = MessagesIn(channel.Id);
        var ts = SlackArgs.Text(args, "ts");
        var asked = all.Find(m => m.Ts == ts) ?? throw new SlackErrorException("thread_not_found");
        var root = asked.ThreadTs ?? asked.Ts;
        return MessagePage(all.FindAll(m => m.Ts == root || m.ThreadTs == root), all, args, defaultLimit: 1000, maxLimit: 1000);
    }

    private JsonObject MessagePage(List<EmulatedMessage> selected, List<EmulatedMessage> channelMessages, JsonObject args, int defaultLimit, int maxLimit)
    {
        var (page, next) = Page(selected, args, defaultLimit, maxLimit);
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page.Select(m => MessageJson(m, channelMessages))]),
            ["has_more"] = next.Length > 0,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    private JsonObject ChannelJson(EmulatedChannel c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["name_normalized"] = c.Name,
        ["is_channel"] = true,
        ["is_group"] = false,
        ["is_im"] = false,
        ["is_mpim"] = false,
        ["is_private"] = c.IsPrivate,
        ["is_archived"] = c.IsArchived,
        ["is_general"] = c.Id == profile.GeneralChannelId,
        ["is_member"] = c.Members.Contains(BotUserId),
        ["created"] = c.Created,
        ["creator"] = c.Creator,
        ["num_members"] = c.Members.Count,
        ["topic"] = new JsonObject { ["value"] = c.Topic },
        ["purpose"] = new JsonObject { ["value"] = c.Purpose },
    };

    /// <summary>One page of <paramref name="items"/>; the cursor is opaque to callers, as Slack's are.</summary>
    private static (List<T> Page, string NextCursor) Page<T>(List<T> items, JsonObject args, int defaultLimit, int maxLimit)
    {
        var offset = 0;
        if (SlackArgs.Given(args, "cursor") is { } cursor && !TryReadCursor(cursor, out offset))
        {
            throw new SlackErrorException("invalid_cursor");
        }

        var limit = Math.Min(SlackArgs.Number(args, "limit") is int n and > 0 ? n : defaultLimit, maxLimit);
        var next = offset + limit < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + (offset + limit).ToString(CultureInfo.InvariantCulture)))
            : "";
        return ([.. items.Skip(offset).Take(limit)], next);
    }

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
