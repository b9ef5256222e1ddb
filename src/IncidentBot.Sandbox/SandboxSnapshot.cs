using System.Text.Json.Nodes;
using IncidentBot.Emulator;

namespace IncidentBot.Sandbox;

/// <summary>The page's view of the emulated workspace, as one person sees it.</summary>
internal static class SandboxSnapshot
{
    /// <summary>
    /// Everything the page shows to <paramref name="user"/> with <paramref name="channelId"/> open: the channels they can
    /// see, the channel's messages with replies under their parent, their own ephemeral answers, their open modal and
    /// the App Home tab the bot last published for them.
    /// </summary>
    public static JsonObject Of(EmulatedWorkspace workspace, long version, EmulatedUser user, string? channelId)
    {
        var visible = workspace.Channels()
            .Where(c => !c.IsPrivate || c.Members.Contains(user.Id))
            .OrderBy(c => c.IsArchived)
            .ThenBy(c => c.Created)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var open = visible.Find(c => c.Id == channelId) ?? visible.First(c => c.Id == SandboxDirectory.GeneralChannelId);
        var all = workspace.Messages(open.Id);
        var view = workspace.OpenViewFor(user.Id);
        var home = workspace.HomeViewFor(user.Id);
        return new JsonObject
        {
            ["version"] = version,
            ["me"] = user.Id,
            ["users"] = new JsonArray([.. SandboxDirectory.People.Append(SandboxDirectory.Bot).Select(UserJson)]),
            ["channels"] = new JsonArray([.. visible.Select(c => new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["isPrivate"] = c.IsPrivate,
                ["isArchived"] = c.IsArchived,
                ["isMember"] = c.Members.Contains(user.Id),
            })]),
            ["channel"] = new JsonObject
            {
                ["id"] = open.Id,
                ["name"] = open.Name,
                ["topic"] = open.Topic,
                ["purpose"] = open.Purpose,
                ["isArchived"] = open.IsArchived,
                ["members"] = open.Members.Count,
            },
            ["messages"] = new JsonArray([.. all.Where(m => m.ThreadTs is null).Select(m =>
            {
                var json = PageMessage(workspace, m, user);
                json["replies"] = new JsonArray([.. all.Where(r => r.ThreadTs == m.Ts).Select(r => PageMessage(workspace, r, user))]);
                return json;
            })]),
            ["ephemerals"] = new JsonArray([.. workspace.Ephemerals(open.Id, user.Id).Select(e => new JsonObject
            {
                ["ts"] = e.Ts,
                ["user"] = e.From,
                ["text"] = e.Text,
                ["blocks"] = Parse(e.Blocks),
            })]),
            ["view"] = view is null ? null : new JsonObject { ["id"] = view.Id, ["view"] = JsonNode.Parse(view.View) },
            ["home"] = home is null ? null : JsonNode.Parse(home.View),
        };
    }

    private static JsonObject UserJson(EmulatedUser u) => new() { ["id"] = u.Id, ["name"] = u.Name, ["realName"] = u.RealName, ["isBot"] = u.IsBot };

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static JsonObject PageMessage(EmulatedWorkspace workspace, EmulatedMessage m, EmulatedUser viewer)
    {
        var json = new JsonObject
        {
            ["ts"] = m.Ts,
            ["user"] = m.User,
            ["text"] = m.Text,
            ["blocks"] = Parse(m.Blocks),
            ["edited"] = m.EditedTs is not null,
            ["pinnedBy"] = m.PinnedBy,
            ["reactions"] = new JsonArray([.. m.Reactions.Select(r => new JsonObject
            {
                ["name"] = r.Name,
                ["count"] = r.Users.Count,
                ["mine"] = r.Users.Contains(viewer.Id),
            })]),
        };
        if (m.FileId is not null && workspace.File(m.FileId) is { } file)
        {
            json["file"] = new JsonObject { ["id"] = file.Id, ["name"] = file.Name, ["title"] = file.Title, ["size"] = file.Length };
        }

        return json;
    }
}
