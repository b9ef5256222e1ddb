using System.Text.Json.Nodes;

namespace IncidentBot.Emulator;

/// <summary>The smaller methods: auth, pins, bookmarks, reactions, users and modal views.</summary>
public sealed partial class EmulatedWorkspace
{
    private JsonObject AuthTest() => new()
    {
        ["ok"] = true,
        ["url"] = profile.Url.ToString(),
        ["team"] = profile.TeamName,
        ["user"] = profile.Bot.Name,
        ["team_id"] = profile.TeamId,
        ["user_id"] = BotUserId,
        ["bot_id"] = profile.BotId,
        ["is_enterprise_install"] = false,
    };

    private JsonObject Pin(JsonObject args)
    {
        var channel = Channel(args, writable: true);
        var ts = SlackArgs.Text(args, "timestamp");
        if (string.IsNullOrEmpty(ts))
        {
            throw new SlackErrorException("no_item_specified");
        }

        PinMessage(channel, Message(channel, ts), BotUserId);
        return Ok();
    }

    private void PinMessage(EmulatedChannel channel, EmulatedMessage message, string by)
    {
        if (message.PinnedBy is not null)
        {
            throw new SlackErrorException("already_pinned");
        }

        message.PinnedBy = by;
        message.PinnedTs = NextTs();
        messages.Update(message);
        var item = MessageJson(message);
        item["permalink"] = PermalinkOf(message);
        var now = Now();
        Tell(channel, new JsonObject
        {
            ["type"] = "pin_added",
            ["user"] = by,
            ["channel_id"] = channel.Id,
            ["item"] = new JsonObject { ["type"] = "message", ["created"] = now, ["created_by"] = by, ["channel"] = channel.Id, ["message"] = item },
            ["item_user"] = message.User,
            ["pin_count"] = messages.Count(m => m.Channel == channel.Id && m.PinnedBy != null),
            ["pinned_info"] = new JsonObject { ["channel"] = channel.Id, ["pinned_by"] = by, ["pinned_ts"] = now },
            ["event_ts"] = message.PinnedTs,
        });
    }

    private JsonObject Bookmark(JsonObject args)
    {
        var channel = Channel(args, "channel_id", writable: true);
        var title = SlackArgs.Text(args, "title");
        var type = SlackArgs.Text(args, "type");
        var link = SlackArgs.Text(args, "link");
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

        var bookmark = new EmulatedBookmark { Id = NewId('B', 10).Insert(1, "k"), Channel = channel.Id, Title = title!, Type = type!, Link = link! };
        bookmarks.Insert(bookmark);
        var created = Now();
        return new JsonObject
        {
            ["ok"] = true,
            ["bookmark"] = new JsonObject
            {
                ["id"] = bookmark.Id,
                ["channel_id"] = channel.Id,
                ["title"] = title,
                ["link"] = link,
                ["emoji"] = "",
                ["type"] = type,
                ["date_created"] = created,
                ["date_updated"] = created,
                ["last_updated_by_user_id"] = BotUserId,
            },
        };
    }

    private JsonObject React(JsonObject args)
    {
        var (channel, message, name) = Reaction(args);
        AddReaction(channel, message, name, BotUserId);
        return Ok();
    }

    private JsonObject Unreact(JsonObject args)
    {
        var (channel, message, name) = Reaction(args);
        RemoveReaction(channel, message, name, BotUserId);
        return Ok();
    }

    private (EmulatedChannel Channel, EmulatedMessage Message, string Name) Reaction(JsonObject args)
    {
        var channel = Channel(args);
        var ts = SlackArgs.Text(args, "timestamp");
        if (string.IsNullOrEmpty(ts))
        {
            throw new SlackErrorException("no_item_specified");
        }

        var message = Message(channel, ts);
        var name = SlackArgs.Text(args, "name");

        // Slack wants "memo", not ":memo:".
        return string.IsNullOrEmpty(name) || name.StartsWith(':') || name.EndsWith(':') || name.Contains(' ', StringComparison.Ordinal)
            ? throw new SlackErrorException("invalid_name")
            : (channel, message, name);
    }

    private void AddReaction(EmulatedChannel channel, EmulatedMessage message, string name, string user)
    {
        var reaction = message.Reactions.Find(r => r.Name == name);
        if (reaction?.Users.Contains(user) == true)
        {
            throw new SlackErrorException("already_reacted");
        }

        if (reaction is null)
        {
            message.Reactions.Add(reaction = new EmulatedReaction { Name = name });
        }

        reaction.Users.Add(user);
        messages.Update(message);
        Tell(channel, ReactionEvent("reaction_added", message, name, user));
    }

    private void RemoveReaction(EmulatedChannel channel, EmulatedMessage message, string name, string user)
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

    private JsonObject ReactionEvent(string type, EmulatedMessage message, string name, string user) => new()
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
        var user = directory.Find(SlackArgs.Text(args, "user")) ?? throw new SlackErrorException("user_not_found");
        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["team_id"] = profile.TeamId,
                ["name"] = user.Name,
                ["real_name"] = user.RealName,
                ["deleted"] = false,
                ["tz"] = user.TimeZone,
                ["tz_offset"] = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(user.TimeZone)?.GetUtcOffset(NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow())).Seconds ?? 0,
                ["is_bot"] = user.IsBot,
                ["profile"] = new JsonObject { ["real_name"] = user.RealName, ["display_name"] = user.Name },
            },
        };
    }

    private JsonObject UserByEmail(JsonObject args) =>
        directory.FindByEmail(SlackArgs.Text(args, "email")) is { } user
            ? new JsonObject { ["ok"] = true, ["user"] = new JsonObject { ["id"] = user.Id, ["team_id"] = profile.TeamId, ["name"] = user.Name, ["real_name"] = user.RealName, ["is_bot"] = user.IsBot } }
            : throw new SlackErrorException("users_not_found");

    private JsonObject UserGroups() => new()
    {
        ["ok"] = true,
        ["usergroups"] = new JsonArray([.. directory.Groups().Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Id, ["team_id"] = profile.TeamId, ["handle"] = g.Handle, ["name"] = g.Handle, ["user_count"] = directory.GroupMembers(g.Id)?.Count ?? 0,
        })]),
    };

    private JsonObject UserGroupMembers(JsonObject args) =>
        directory.GroupMembers(SlackArgs.Text(args, "usergroup")) is { } members
            ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) }
            : throw new SlackErrorException("no_such_subteam");

    /// <summary>A trigger id opens one view, within 3 seconds of the click or command that made it, for the person who made it.</summary>
    private JsonObject OpenView(JsonObject args)
    {
        var trigger = SlackArgs.Text(args, "trigger_id");
        if (string.IsNullOrEmpty(trigger))
        {
            throw new SlackErrorException("invalid_arguments");
        }

        var view = View(args);
        var user = ExchangeTrigger(trigger);
        var stored = new EmulatedView { Id = NewId('V'), User = user, View = view.ToJsonString(), IsOpen = true };
        views.Insert(stored);
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(stored.Id, view) };
    }

    private JsonObject UpdateView(JsonObject args)
    {
        var stored = views.FindById(SlackArgs.Text(args, "view_id") ?? "") ?? throw new SlackErrorException("not_found");
        var view = View(args);
        stored.View = view.ToJsonString();
        views.Update(stored);
        return new JsonObject { ["ok"] = true, ["view"] = ViewJson(stored.Id, view) };
    }

    private static JsonObject View(JsonObject args) =>
        SlackArgs.Structured(args, "view") is JsonObject view && SlackArgs.Text(view, "type") is { Length: > 0 }
            ? (JsonObject)view.DeepClone()
            : throw new SlackErrorException("invalid_arguments");

    private JsonObject ViewJson(string id, JsonObject view)
    {
        var json = (JsonObject)view.DeepClone();
        json["id"] = id;
        json["team_id"] = profile.TeamId;
        json["app_id"] = profile.AppId;
        json["bot_id"] = profile.BotId;
        json["root_view_id"] = id;
        json["state"] = new JsonObject { ["values"] = new JsonObject() };
        return json;
    }
}
