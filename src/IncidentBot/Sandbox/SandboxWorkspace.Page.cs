using System.Text.Json.Nodes;

namespace IncidentBot.Sandbox;

/// <summary>The page's view of the workspace, as one person sees it.</summary>
public sealed partial class SandboxWorkspace
{
    /// <summary>
    /// Everything the page shows to <paramref name="user"/> with <paramref name="channelId"/> open: the channels they can
    /// see, the channel's messages with replies under their parent, their own ephemeral answers and their open modal.
    /// </summary>
    public JsonObject Snapshot(SandboxUser user, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (gate)
        {
            var visible = channels.FindAll()
                .Where(c => !c.IsPrivate || c.Members.Contains(user.Id))
                .OrderBy(c => c.IsArchived)
                .ThenBy(c => c.Created)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
            var open = visible.Find(c => c.Id == channelId) ?? visible.First(c => c.Id == SandboxDirectory.GeneralChannelId);
            var all = MessagesIn(open.Id);
            var view = views.FindOne(v => v.User == user.Id && v.IsOpen);
            return new JsonObject
            {
                ["version"] = changes.Version,
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
                    var json = PageMessage(m, user);
                    json["replies"] = new JsonArray([.. all.Where(r => r.ThreadTs == m.Ts).Select(r => PageMessage(r, user))]);
                    return json;
                })]),
                ["ephemerals"] = new JsonArray([.. ephemerals.Find(e => e.Channel == open.Id && e.User == user.Id).OrderBy(e => e.Ts, StringComparer.Ordinal).Select(e => new JsonObject
                {
                    ["ts"] = e.Ts,
                    ["user"] = e.From,
                    ["text"] = e.Text,
                    ["blocks"] = Parse(e.Blocks),
                })]),
                ["view"] = view is null ? null : new JsonObject { ["id"] = view.Id, ["view"] = JsonNode.Parse(view.View) },
            };
        }
    }

    private static JsonObject UserJson(SandboxUser u) => new() { ["id"] = u.Id, ["name"] = u.Name, ["realName"] = u.RealName, ["isBot"] = u.IsBot };

    private JsonObject PageMessage(SandboxMessage m, SandboxUser viewer)
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
        if (m.FileId is not null && files.FindById(m.FileId) is { } file)
        {
            json["file"] = new JsonObject { ["id"] = file.Id, ["name"] = file.Name, ["title"] = file.Title, ["size"] = file.Length };
        }

        return json;
    }
}
