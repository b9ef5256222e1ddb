using IncidentBot.Sandbox;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Fakes;

/// <summary>
/// The workspace behind <see cref="FakeSlackApi"/> and Slack's rules for changing it. Not thread-safe on purpose: the
/// fake calls it under the same lock that records calls, so a recorded call and its effect are seen together.
/// </summary>
internal sealed partial class FakeSlackWorkspace(TimeProvider time)
{
    private const string WorkspaceUrl = "https://fake-workspace.slack.com/";
    private const string CursorPrefix = "offset:";

    private readonly List<FakeChannel> channels = [];
    private readonly Dictionary<string, List<FakeMessage>> messages = new(StringComparer.Ordinal);
    private readonly List<(string Channel, string Ts)> pins = [];
    private readonly List<FakeReaction> reactions = [];
    private readonly List<FakeBookmark> bookmarks = [];
    private readonly List<FakeEphemeral> ephemerals = [];
    private readonly Dictionary<string, JsonObject> views = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedTriggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> userGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Name, string? TimeZone)> users = new(StringComparer.Ordinal);
    private readonly HashSet<string> unknownUsers = new(StringComparer.Ordinal);
    private long lastTsMicros;
    private int sequence;

    public JsonObject Invoke(string method, JsonObject args)
    {
        try
        {
            return method switch
            {
                "apps.connections.open" => ConnectionsOpen(),
                "auth.test" => AuthTest(),
                "conversations.create" => Create(args),
                "conversations.open" => OpenDirectMessage(args),
                "conversations.invite" => Invite(args),
                "conversations.setTopic" => SetText(args, "topic", (c, v) => c with { Topic = v }),
                "conversations.setPurpose" => SetText(args, "purpose", (c, v) => c with { Purpose = v }),
                "conversations.archive" => Archive(args),
                "conversations.list" => List(args),
                "conversations.history" => History(args),
                "conversations.replies" => Replies(args),
                "chat.postMessage" => PostMessage(args),
                "chat.update" => Update(args),
                "chat.postEphemeral" => PostEphemeral(args),
                "chat.getPermalink" => Permalink(args),
                "pins.add" => Pin(args),
                "bookmarks.add" => Bookmark(args),
                "reactions.add" => React(args),
                "reactions.remove" => Unreact(args),
                "users.info" => UserInfo(args),
                "usergroups.users.list" => UserGroupMembers(args),
                "views.open" => OpenView(args),
                "views.update" => UpdateView(args),
                "files.getUploadURLExternal" => GetUploadUrl(args),
                "files.completeUploadExternal" => CompleteUpload(args),
                _ => throw new SlackErrorException("unknown_method"),
            };
        }
        catch (SlackErrorException e)
        {
            return Error(e.Message);
        }
    }

    /// <summary>Gives a user a handle and a time zone (a tz database id) for users.info.</summary>
    public void AddUser(string id, string name, string timeZone) => users[id] = (name, timeZone);

    /// <summary>Makes users.info answer <c>user_not_found</c> for <paramref name="id"/>, as for someone of another workspace.</summary>
    public void ForgetUser(string id) => unknownUsers.Add(id);

    public static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    public FakeChannel AddChannel(string name, bool isPrivate, string creator, bool botIsMember)
    {
        var members = ImmutableSortedSet.Create(StringComparer.Ordinal, creator);
        var channel = new FakeChannel(
            $"C{++sequence:D8}", name, isPrivate, IsArchived: false, Topic: "", Purpose: "",
            botIsMember ? members.Add(FakeSlackApi.BotUserId) : members, creator, time.GetUtcNow());
        channels.Add(channel);
        messages[channel.Id] = [];
        return channel;
    }

    public FakeMessage AddMessage(string channel, string user, string text, string? threadTs)
    {
        var message = new FakeMessage(Find(channel).Id, NextTs(), user, text, null, null, threadTs, null);
        messages[message.Channel].Add(message);
        return message;
    }

    public IReadOnlyList<FakeChannel> Channels() => [.. channels];

    public FakeChannel Find(string idOrName) =>
        channels.Find(c => c.Id == idOrName || c.Name == idOrName.TrimStart('#'))
        ?? throw new KeyNotFoundException($"No channel '{idOrName}' in the fake workspace; it has: {string.Join(", ", channels.Select(c => $"{c.Name} ({c.Id})"))}");

    public IReadOnlyList<FakeMessage> Messages(string channel) => [.. messages[Find(channel).Id]];

    /// <summary>What the bot sent <paramref name="user"/> directly; empty when it never opened a DM with them.</summary>
    public IReadOnlyList<FakeMessage> DirectMessages(string user) =>
        channels.Find(c => c.Name == DirectMessageName(user)) is { } dm ? [.. messages[dm.Id]] : [];

    public IReadOnlyList<string> Pins(string channel) => InChannel(pins, channel, p => p.Channel).Select(p => p.Ts).ToList();

    public IReadOnlyList<FakeReaction> Reactions(string channel) => InChannel(reactions, channel, r => r.Channel);

    public IReadOnlyList<FakeBookmark> Bookmarks(string channel) => InChannel(bookmarks, channel, b => b.Channel);

    public IReadOnlyList<FakeEphemeral> Ephemerals(string channel) => InChannel(ephemerals, channel, e => e.Channel);

    private List<T> InChannel<T>(List<T> items, string channel, Func<T, string> channelOf)
    {
        var id = Find(channel).Id;
        return items.FindAll(item => channelOf(item) == id);
    }

    private static JsonObject Ok() => new() { ["ok"] = true };

    /// <summary>
    /// The channel an argument names. A private channel the bot is not in does not exist as far as the bot can tell;
    /// a public one it is not in answers not_in_channel, except to the few methods that pass <paramref name="member"/> false.
    /// </summary>
    private FakeChannel Channel(JsonObject args, string arg = "channel", bool member = true, bool writable = false)
    {
        var id = SandboxArgs.Text(args, arg);
        var channel = channels.Find(c => c.Id == id);
        var isMember = channel?.Members.Contains(FakeSlackApi.BotUserId) == true;
        if (channel is null || (channel.IsPrivate && !isMember))
        {
            throw new SlackErrorException("channel_not_found");
        }

        if (writable && channel.IsArchived)
        {
            throw new SlackErrorException("is_archived");
        }

        return member && !isMember ? throw new SlackErrorException("not_in_channel") : channel;
    }

    private void Save(FakeChannel channel) => channels[channels.FindIndex(c => c.Id == channel.Id)] = channel;

    private FakeMessage Message(FakeChannel channel, string? ts) =>
        messages[channel.Id].Find(m => m.Ts == ts) ?? throw new SlackErrorException("message_not_found");

    /// <summary>Slack's ts: Unix seconds with six decimals, from the clock but strictly increasing, as Slack keeps them unique per channel.</summary>
    private string NextTs()
    {
        lastTsMicros = Math.Max((time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10, lastTsMicros + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{lastTsMicros / 1_000_000}.{lastTsMicros % 1_000_000:D6}");
    }

    private static decimal? ParseTs(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>One page of <paramref name="items"/>; the cursor is opaque to callers, as Slack's are.</summary>
    private static (IReadOnlyList<T> Page, string NextCursor) Page<T>(List<T> items, JsonObject args, int defaultLimit, int maxLimit)
    {
        var offset = 0;
        if (SandboxArgs.Text(args, "cursor") is { Length: > 0 } cursor && !TryDecodeCursor(cursor, out offset))
        {
            throw new SlackErrorException("invalid_cursor");
        }

        var limit = Math.Min(SandboxArgs.Number(args, "limit") is int l and > 0 ? l : defaultLimit, maxLimit);
        var next = offset + limit < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + (offset + limit).ToString(CultureInfo.InvariantCulture)))
            : "";
        return ([.. items.Skip(offset).Take(limit)], next);
    }

    private static bool TryDecodeCursor(string cursor, out int offset)
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

    private static bool IsUserId(string? id) =>
        id is ['U' or 'W', _, ..] && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>A Slack error answer (<c>ok:false</c>), thrown so a method can bail out from any depth.</summary>
    private sealed class SlackErrorException(string error) : Exception(error);
}
