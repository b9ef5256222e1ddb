using System.Text.Json.Nodes;

namespace IncidentBot.Sandbox;

/// <summary>The smaller methods: auth, pins, bookmarks, reactions, users and modal views.</summary>
public sealed partial class SandboxWorkspace
{
    private JsonObject AuthTest() => new()
    {
        ["ok"] = true,
        ["url"] = session.BaseUrl.ToString(),
        ["team"] = "IncidentBot Sandbox",
        ["user"] = SandboxDirectory.Bot.Name,
        ["team_id"] = SandboxDirectory.TeamId,
        ["user_id"] = SandboxDirectory.BotUserId,
        ["bot_id"] = SandboxDirectory.BotId,
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

        PinMessage(channel, Message(channel, ts), SandboxDirectory.BotUserId);
        return Ok();
    }

    private void PinMessage(SandboxChannel channel, SandboxMessage message, string by)
    {
        if (message.PinnedBy is not null)
        {
            throw new SlackErrorException("already_pinned");
        }

        message.PinnedBy = by;
        messages.Update(message);
        var all = MessagesIn(channel.Id);
        var item = MessageJson(message, all);
        item["permalink"] = PermalinkOf(message);
        var now = clock.GetCurrentInstant().ToUnixTimeSeconds();
        Tell(channel, new JsonObject
        {
            ["type"] = "pin_added",
            ["user"] = by,
            ["channel_id"] = channel.Id,
            ["item"] = new JsonObject { ["type"] = "message", ["created"] = now, ["created_by"] = by, ["channel"] = channel.Id, ["message"] = item },
            ["item_user"] = message.User,
            ["pin_count"] = all.Count(m => m.PinnedBy is not null),
            ["pinned_info"] = new JsonObject { ["channel"] = channel.Id, ["pinned_by"] = by, ["pinned_ts"] = now },
            ["event_ts"] = NextTs(),
        });
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

        var created = clock.GetCurrentInstant().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["ok"] = true,
            ["bookmark"] = new JsonObject
            {
                ["id"] = NewId('B', 10).Insert(1, "k"),
                ["channel_id"] = channel.Id,
                ["title"] = title,
                ["link"] = link,
                ["emoji"] = "",
                ["type"] = type,
                ["date_created"] = created,
                ["date_updated"] = created,
            },
        };
    }

    private JsonObject React(JsonObject args)
    {
        var (channel, message, name) = Reaction(args);
        AddReaction(channel, message, name, SandboxDirectory.BotUserId);
        return Ok();
    }

    private JsonObject Unreact(JsonObject args)
    {
        var (channel, message, name) = Reaction(args);
        RemoveReaction(channel, message, name, SandboxDirectory.BotUserId);
        return Ok();
    }

    private (SandboxChannel Channel, SandboxMessage Message, string Name) Reaction(JsonObject args)
    {
        var channel = Channel(args);
        var ts = SandboxArgs.Text(args, "timestamp");
        if (string.IsNullOrEmpty(ts))
        {
            throw new SlackErrorException("no_item_specified");
        }

        var message = Message(channel, ts);
        var name = SandboxArgs.Text(args, "name");

        // Slack wants "memo", not ":memo:".
        return string.IsNullOrEmpty(name) || name.StartsWith(':') || name.EndsWith(':') || name.Contains(' ', StringComparison.Ordinal)
            ? throw new SlackErrorException("invalid_name")
            : (channel, message, name);
    }

    private void AddReaction(SandboxChannel channel, SandboxMessage message, string name, string user)
    {
        var reaction = message.Reactions.Find(r => r.Name == name);
        if (reaction?.Users.Contains(user) == true)
        {
            throw new SlackErrorException("already_reacted");
        }

        if (reaction is null)
        {
            message.Reactions.Add(reaction = new SandboxReaction { Name = name });
        }

        reaction.Users.Add(user);
        messages.Update(message);
        Tell(channel, ReactionEvent("reaction_added", message, name, user));
    }

    private void RemoveReaction(SandboxChannel channel, SandboxMessage message, string name, string user)
    {
        var reaction = message.Reactions.Find(r => r.Name == name);
        if (reaction is null || !reaction.Users.Remove(user))
        {
            throw new SlackErrorException("no_reaction");
        }

        if (reaction.Users.Count == 0)
        {
            message.Reactions.Remove(reaction);
        }

        messages.Update(message);
        Tell(channel, ReactionEvent("reaction_removed", message, name, user));
    }

    private JsonObject ReactionEvent(string type, SandboxMessage message, string name, string user) => new()
    {
        ["type"] = type,
        ["user"] = user,
        ["reaction"] = name,
        ["item_user"] = message.User,
        ["item"] = new JsonObject { ["type"] = "message", ["channel"] = message.Channel, ["ts"] = message.Ts },
        ["event_ts"] = NextTs(),
    };

    private JsonObject UserInfo(JsonObject args)
    {
        var user = SandboxDirectory.Find(SandboxArgs.Text(args, "user")) ?? throw new SlackErrorException("user_not_found");
        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = SandboxDirectory.TeamId,
                ["name"] = user.Name,
                ["real_name"] = user.RealName,
                ["deleted"] = false,
                ["tz"] = user.TimeZone,
                ["tz_offset"] = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(user.TimeZone)?.GetUtcOffset(clock.GetCurrentInstant()).Seconds ?? 0,
                ["is_bot"] = user.IsBot,
                ["profile"] = new JsonObject { ["real_name"] = user.RealName, ["display_name"] = user.Name },
            },
        };
    }

    private static JsonObject UserGroupMembers(JsonObject args) =>
        SandboxArgs.Text(args, "usergroup") == SandboxDirectory.EveryoneGroupId
            ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. SandboxDirectory.People.Select(p => (JsonNode)p.Id)]) }
            : throw new SlackErrorException("no_such_subteam");

    /// <summary>A trigger id opens one view, for the person whose click or command made it.</summary>
    private JsonObject OpenView(JsonObject args)
    {
        var trigger = SandboxArgs.Text(args, "trigger_id");
        if (string.IsNullOrEmpty(trigger))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var view = View(args);
        if (!triggers.Remove(trigger, out var user))
        {
            throw new SlackErrorException("invalid_trigger_id");
        }

        var stored = new SandboxView { Id = NewId('V'), User = user, View = view.ToJsonString(), IsOpen = true };
        views.Insert(stored);
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(stored.Id, view) };
    }

    private JsonObject UpdateView(JsonObject args)
    {
        var stored = views.FindById(SandboxArgs.Text(args, "view_id") ?? "") ?? throw new SlackErrorException("not_found");
        var view = View(args);
        stored.View = view.ToJsonString();
        views.Update(stored);
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(stored.Id, view) };
    }

    private static JsonObject View(JsonObject args) =>
        SandboxArgs.Structured(args, "view") is JsonObject view && SandboxArgs.Text(view, "type") is { Length: > 0 }
            ? (JsonObject)view.DeepClone()
            : throw new SlackErrorException("invalid_arguments");

    private static JsonObject ViewJson(string id, JsonObject view)
    {
        var json = (JsonObject)view.DeepClone();
        json["id"] = id;
        json["team_id"] = SandboxDirectory.TeamId;
        json["app_id"] = SandboxDirectory.AppId;
        json["bot_id"] = SandboxDirectory.BotId;
        json["root_view_id"] = id;
        json["state"] = new JsonObject { ["values"] = new JsonObject() };
        return json;
    }
}
