using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IncidentBot.Emulator;

namespace IncidentBot.Tests.Fakes;

/// <summary>What tests read back from the workspace and seed it with, as snapshots.</summary>
public sealed partial class FakeSlackApi
{
    public IReadOnlyList<FakeChannel> Channels => Locked(() => workspace.Channels().Select(ToFake).ToList());

    /// <summary>A channel by id or name; throws, listing the channels there are, when there is none.</summary>
    public FakeChannel Channel(string idOrName) => Locked(() => ToFake(Find(idOrName)));

    /// <summary>A channel's messages in posting order, thread replies included.</summary>
    public IReadOnlyList<FakeMessage> Messages(string channel) => Locked(() => workspace.Messages(Find(channel).Id).Select(ToFake).ToList());

    /// <summary>What the bot sent <paramref name="user"/> in a direct message, in posting order; empty when it never opened one.</summary>
    public IReadOnlyList<FakeMessage> DirectMessages(string user) =>
        Locked(() => workspace.Channels().FirstOrDefault(c => c.Id.StartsWith('D') && c.Members.Contains(user)) is { } dm
            ? workspace.Messages(dm.Id).Select(ToFake).ToList()
            : []);

    /// <summary>The ts of each pinned message, in pinning order.</summary>
    public IReadOnlyList<string> Pins(string channel) =>
        Locked(() => workspace.Messages(Find(channel).Id).Where(m => m.PinnedTs is not null).OrderBy(m => m.PinnedTs, StringComparer.Ordinal).Select(m => m.Ts).ToList());

    public IReadOnlyList<FakeReaction> Reactions(string channel) =>
        Locked(() => workspace.Messages(Find(channel).Id)
            .SelectMany(m => m.Reactions.SelectMany(r => r.Users.Select(u => new FakeReaction(m.Channel, m.Ts, r.Name, u))))
            .ToList());

    public IReadOnlyList<FakeBookmark> Bookmarks(string channel) =>
        Locked(() => workspace.Bookmarks(Find(channel).Id).Select(b => new FakeBookmark(b.Id, b.Channel, b.Title, b.Type, b.Link)).ToList());

    public IReadOnlyList<FakeEphemeral> Ephemerals(string channel) =>
        Locked(() => workspace.Ephemerals(Find(channel).Id)
            .Select(e => new FakeEphemeral(e.Channel, e.User, e.Ts, e.Text, Parse(e.Blocks) as JsonArray, e.ThreadTs))
            .ToList());

    /// <summary>Files shared in a channel with files.completeUploadExternal, in upload order.</summary>
    public IReadOnlyList<FakeFile> Files(string channel) => Locked(() => workspace.Files(Find(channel).Id).Select(ToFake).ToList());

    /// <summary>A file by id, shared or not; null when files.getUploadURLExternal never handed it out.</summary>
    public FakeFile? File(string id) => Locked(() => workspace.File(id) is { } file ? ToFake(file) : null);

    /// <summary>Seeds a channel someone else made, as if it existed before the test; the bot is a member unless told otherwise.</summary>
    public FakeChannel AddChannel(string name, bool isPrivate = false, bool botIsMember = true) =>
        Locked(() => ToFake(workspace.SeedChannel(
            workspace.NewChannelId(), name, isPrivate, HumanUserId, botIsMember ? [HumanUserId, BotUserId] : [HumanUserId])));

    /// <summary>Seeds a person for users.info: their handle (<c>alice</c>) and time zone (<c>America/New_York</c>).</summary>
    public void AddUser(string id, string name, string timeZone = "Europe/Berlin") => Locked(() => people.AddUser(id, name, timeZone));

    /// <summary>From now on users.info answers <c>user_not_found</c> for <paramref name="id"/>.</summary>
    public void ForgetUser(string id) => Locked(() => people.ForgetUser(id));

    /// <summary>A user group (S…) whose members <c>usergroups.users.list</c> returns.</summary>
    public void AddUserGroup(string id, params string[] members) => Locked(() => people.AddUserGroup(id, members));

    /// <summary>The handle (without <c>@</c>) usergroups.list gives the user group <paramref name="id"/>; unnamed, its id in lowercase.</summary>
    public void NameUserGroup(string id, string handle) => Locked(() => people.NameUserGroup(id, handle));

    /// <summary>From now on users.lookupByEmail finds <paramref name="id"/> by <paramref name="email"/>.</summary>
    public void AddEmail(string id, string email) => Locked(() => people.AddEmail(id, email));

    /// <summary>Seeds a message a person posted, for the bot to find in history or replies.</summary>
    public FakeMessage AddMessage(string channel, string user, string text, string? threadTs = null) =>
        Locked(() => ToFake(workspace.SeedMessage(Find(channel).Id, user, text, threadTs)));

    private EmulatedChannel Find(string idOrName)
    {
        var all = workspace.Channels();
        return all.FirstOrDefault(c => c.Id == idOrName || c.Name == idOrName.TrimStart('#'))
            ?? throw new KeyNotFoundException($"No channel '{idOrName}' in the fake workspace; it has: {string.Join(", ", all.Select(c => $"{c.Name} ({c.Id})"))}");
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static FakeChannel ToFake(EmulatedChannel c) => new(
        c.Id, c.Name, c.IsPrivate, c.IsArchived, c.Topic, c.Purpose, ImmutableSortedSet.CreateRange(StringComparer.Ordinal, c.Members),
        c.Creator, DateTimeOffset.FromUnixTimeSeconds(c.Created));

    private static FakeMessage ToFake(EmulatedMessage m) =>
        new(m.Channel, m.Ts, m.User, m.Text, Parse(m.Blocks) as JsonArray, Parse(m.Metadata) as JsonObject, m.ThreadTs, m.EditedTs);

    private static FakeFile ToFake(EmulatedFile f) =>
        new(f.Id, f.Name, f.Length, f.Content, f.Channel, f.Channel is null ? null : f.Title, f.InitialComment);
}
