using IncidentBot.Sandbox;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>The smaller methods: auth, pins, bookmarks, reactions, users and modal views.</summary>
internal sealed partial class FakeSlackWorkspace
{
    private static JsonObject AuthTest() => new()
    {
        ["ok"] = true,
        ["url"] = WorkspaceUrl,
        ["team"] = "Fake Workspace",
        ["user"] = "incidentbot",
        ["team_id"] = FakeSlackApi.TeamId,
        ["user_id"] = FakeSlackApi.BotUserId,
        ["bot_id"] = FakeSlackApi.BotId,
        ["is_enterprise_install"] = false,
    };

    private JsonObject Pin(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var ts = SandboxArgs.Text(args, "timestamp");
        if (string.IsNullOrEmpty(ts))
        {
            throw new SlackErrorException("no_item_specified");
        }

        Message(channel, ts);
        if (pins.Contains((channel.Id, ts)))
        {
            throw new SlackErrorException("already_pinned");
        }

        pins.Add((channel.Id, ts));
        return Ok();
    }

    private JsonObject Bookmark(JsonObject args)
    {
        var channel = Channel(args, "channel_id", writable: true);
        var title = SandboxArgs.Text(args, "title");
        var type = SandboxArgs.Text(args, "type");
        var link = SandboxArgs.Text(args, "link");
        var error = (title, type) switch
        {
            (null or "", _) or (_, null or "") => "invalid_arguments",
            (_, not "link") => "invalid_bookmark_type",
            _ when !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") => "invalid_link",
            _ => null,
        };
        if (error is not null)
        {
            throw new SlackErrorException(error);
        }

        var bookmark = new FakeBookmark($"Bk{++sequence:D8}", channel.Id, title!, type!, link!);
        bookmarks.Add(bookmark);
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["ok"] = true,
            ["bookmark"] = new JsonObject
            {
                ["id"] = bookmark.Id,
                ["channel_id"] = bookmark.Channel,
                ["title"] = bookmark.Title,
                ["link"] = bookmark.Link,
                ["emoji"] = "",
                ["type"] = bookmark.Type,
                ["date_created"] = created,
                ["date_updated"] = created,
                ["last_updated_by_user_id"] = FakeSlackApi.BotUserId,
            },
        };
    }

    private JsonObject React(JsonObject args)
    {
        var reaction = Reaction(args);
        if (reactions.Contains(reaction))
        {
            throw new SlackErrorException("already_reacted");
        }

        reactions.Add(reaction);
        return Ok();
    }

    private JsonObject Unreact(JsonObject args)
    {
        if (!reactions.Remove(Reaction(args)))
        {
            throw new SlackErrorException("no_reaction");
        }

        return Ok();
    }

    /// <summary>The bot's reaction that reactions.add / .remove name, after Slack's checks of the arguments.</summary>
    private FakeReaction Reaction(JsonObject args)
    {
        var channel = Channel(args);
        var ts = SandboxArgs.Text(args, "timestamp");
        if (string.IsNullOrEmpty(ts))
        {
            throw new SlackErrorException("no_item_specified");
        }

        Message(channel, ts);
        var name = SandboxArgs.Text(args, "name");

        // Slack wants "thumbsup" (or "thumbsup::skin-tone-2"), not ":thumbsup:".
        if (string.IsNullOrEmpty(name) || name.StartsWith(':') || name.EndsWith(':') || name.Contains(' ', StringComparison.Ordinal))
        {
            throw new SlackErrorException("invalid_name");
        }

        return new FakeReaction(channel.Id, ts, name, FakeSlackApi.BotUserId);
    }

    public void AddUserGroup(string id, string[] members) => userGroups[id] = members;

    private JsonObject UserGroupMembers(JsonObject args) =>
        userGroups.TryGetValue(SandboxArgs.Text(args, "usergroup") ?? "", out var members)
            ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) }
            : throw new SlackErrorException("no_such_subteam");

    /// <summary>
    /// Every well-formed user id exists, in Europe/Berlin unless seeded otherwise; the bot's own id is the one bot user.
    /// </summary>
    private JsonObject UserInfo(JsonObject args)
    {
        var id = SandboxArgs.Text(args, "user");
        if (!IsUserId(id) || unknownUsers.Contains(id!))
        {
            throw new SlackErrorException("user_not_found");
        }

        var isBot = id == FakeSlackApi.BotUserId;
        var seeded = users.GetValueOrDefault(id!);
        var name = isBot ? "incidentbot" : seeded.Name ?? id!.ToLowerInvariant();
        var realName = isBot ? "IncidentBot" : $"User {id}";
        var zone = seeded.TimeZone ?? "Europe/Berlin";
        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = id,
                ["team_id"] = FakeSlackApi.TeamId,
                ["name"] = name,
                ["real_name"] = realName,
                ["deleted"] = false,
                ["tz"] = zone,
                ["tz_offset"] = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone)?.GetUtcOffset(NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow())).Seconds ?? 0,
                ["is_bot"] = isBot,
                ["profile"] = new JsonObject { ["real_name"] = realName, ["display_name"] = name },
            },
        };
    }

    /// <summary>A trigger id opens one view only, as in Slack; its 3-second expiry is not modelled.</summary>
    private JsonObject OpenView(JsonObject args)
    {
        var trigger = SandboxArgs.Text(args, "trigger_id");
        if (string.IsNullOrEmpty(trigger))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var view = View(args);
        if (!usedTriggers.Add(trigger))
        {
            throw new SlackErrorException("exchanged_trigger_id");
        }

        var id = $"V{++sequence:D8}";
        views[id] = view;
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(id, view) };
    }

    private JsonObject UpdateView(JsonObject args)
    {
        var id = SandboxArgs.Text(args, "view_id");
        if (id is null || !views.ContainsKey(id))
        {
            throw new SlackErrorException("not_found");
        }

        views[id] = View(args);
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(id, views[id]) };
    }

    private static JsonObject View(JsonObject args) =>
        SandboxArgs.Structured(args, "view") is JsonObject view && SandboxArgs.Text(view, "type") is { Length: > 0 }
            ? (JsonObject)view.DeepClone()
            : throw new SlackErrorException("invalid_arguments");

    private static JsonObject ViewJson(string id, JsonObject view)
    {
        var json = (JsonObject)view.DeepClone();
        json["id"] = id;
        json["team_id"] = FakeSlackApi.TeamId;
        json["bot_id"] = FakeSlackApi.BotId;
        json["root_view_id"] = id;
        json["state"] = new JsonObject { ["values"] = new JsonObject() };
        return json;
    }
}
