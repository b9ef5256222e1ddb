using IncidentBot.Sandbox;
using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>conversations.*: channels, their members, and reading messages back.</summary>
internal sealed partial class FakeSlackWorkspace
{
    private JsonObject Create(JsonObject args)
    {
        var name = SandboxArgs.Text(args, "name");
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

        var channel = AddChannel(name!, SandboxArgs.Flag(args, "is_private"), FakeSlackApi.BotUserId, botIsMember: true);
        return new JsonObject { ["ok"] = true, ["channel"] = ChannelJson(channel) };
    }

    /// <summary>A DM (D…) between the bot and one user; opening it again returns the same one, as Slack does.</summary>
    private JsonObject OpenDirectMessage(JsonObject args)
    {
        var user = SandboxArgs.Text(args, "users") ?? "";
        if (!IsUserId(user))
        {
            throw new SlackErrorException("user_not_found");
        }

        var dm = channels.Find(c => c.Name == DirectMessageName(user));
        if (dm is null)
        {
            dm = new FakeChannel(
                $"D{++sequence:D8}", DirectMessageName(user), IsPrivate: true, IsArchived: false, Topic: "", Purpose: "",
                ImmutableSortedSet.Create(StringComparer.Ordinal, user, FakeSlackApi.BotUserId), user, time.GetUtcNow());
            channels.Add(dm);
            messages[dm.Id] = [];
        }

        return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = dm.Id } };
    }

    private static string DirectMessageName(string user) => "dm-" + user;

    /// <summary>
    /// Without <c>force</c>, one bad user fails the whole call and nobody is invited; <c>errors</c> says who and why, so
    /// re-inviting someone already there must be handled, not assumed harmless.
    /// </summary>
    private JsonObject Invite(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var users = (SandboxArgs.Text(args, "users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length == 0)
        {
            throw new SlackErrorException("no_user");
        }

        var problems = users
            .Select(u => (User: u, Error: u == FakeSlackApi.BotUserId ? "cant_invite_self"
                : !IsUserId(u) ? "user_not_found"
                : channel.Members.Contains(u) ? "already_in_channel"
                : null))
            .Where(p => p.Error is not null)
            .ToList();
        if (problems.Count > 0)
        {
            var response = Error(problems[0].Error!);
            response["errors"] = new JsonArray([.. problems.Select(p => new JsonObject { ["user"] = p.User, ["ok"] = false, ["error"] = p.Error })]);
            return response;
        }

        channel = channel with { Members = channel.Members.Union(users) };
        Save(channel);
        return new JsonObject { ["ok"] = true, ["channel"] = ChannelJson(channel) };
    }

    private JsonObject SetText(JsonObject args, string field, Func<FakeChannel, string, FakeChannel> apply)
    {
        var channel = Channel(args, writable: true);
        var value = SandboxArgs.Text(args, field) ?? "";
        if (value.Length > 250)
        {
            throw new SlackErrorException("too_long");
        }

        channel = apply(channel, value);
        Save(channel);
        return new JsonObject { ["ok"] = true, ["channel"] = ChannelJson(channel) };
    }

    private JsonObject Archive(JsonObject args)
    {
        var channel = Channel(args);
        if (channel.IsArchived)
        {
            throw new SlackErrorException("already_archived");
        }

        Save(channel with { IsArchived = true });
        return Ok();
    }

    /// <summary>Public channels whether or not the bot is in them, private ones only if it is, as for a real bot token.</summary>
    private JsonObject List(JsonObject args)
    {
        var types = (SandboxArgs.Text(args, "types") ?? "public_channel").Split(',', StringSplitOptions.TrimEntries);
        var excludeArchived = SandboxArgs.Flag(args, "exclude_archived");
        var visible = channels.FindAll(c =>
            (c.IsPrivate ? types.Contains("private_channel") && c.Members.Contains(FakeSlackApi.BotUserId) : types.Contains("public_channel"))
            && !(excludeArchived && c.IsArchived));
        var (page, next) = Page(visible, args, defaultLimit: 100, maxLimit: 1000);
        return new JsonObject
        {
            ["ok"] = true,
            ["channels"] = new JsonArray([.. page.Select(ChannelJson)]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    /// <summary>Top-level messages newest first; thread replies stay in their thread, as in Slack.</summary>
    private JsonObject History(JsonObject args)
    {
        var channel = Channel(args);
        var oldestArg = SandboxArgs.Given(args, "oldest");
        var oldest = oldestArg is null ? 0m : ParseTs(oldestArg) ?? throw new SlackErrorException("invalid_ts_oldest");
        var latestArg = SandboxArgs.Given(args, "latest");
        var latest = latestArg is null ? decimal.MaxValue : ParseTs(latestArg) ?? throw new SlackErrorException("invalid_ts_latest");
        var inclusive = SandboxArgs.Flag(args, "inclusive");
        var all = messages[channel.Id];
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
        var all = messages[channel.Id];
        var ts = SandboxArgs.Text(args, "ts");
        var asked = all.Find(m => m.Ts == ts) ?? throw new SlackErrorException("thread_not_found");
        var root = asked.ThreadTs ?? asked.Ts;
        return MessagePage(all.FindAll(m => m.Ts == root || m.ThreadTs == root), all, args, defaultLimit: 1000, maxLimit: 1000);
    }

    private static JsonObject MessagePage(List<FakeMessage> selected, List<FakeMessage> channelMessages, JsonObject args, int defaultLimit, int maxLimit)
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

    private static JsonObject ChannelJson(FakeChannel c) => new()
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
        ["is_general"] = false,
        ["is_member"] = c.Members.Contains(FakeSlackApi.BotUserId),
        ["created"] = c.Created.ToUnixTimeSeconds(),
        ["creator"] = c.Creator,
        ["num_members"] = c.Members.Count,
        ["topic"] = new JsonObject { ["value"] = c.Topic },
        ["purpose"] = new JsonObject { ["value"] = c.Purpose },
    };
}
