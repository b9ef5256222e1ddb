using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LiteDB;

namespace IncidentBot.Emulator;

/// <summary>
/// An emulated Slack workspace: its channels, messages, pins, reactions, bookmarks, modals and files, kept in a LiteDB
/// file, changed by the bot through the Web API (<see cref="Invoke"/>) and by people through the methods of what they do.
/// Slack's answer shapes, rules and error codes apply to the bot's calls. What Slack would tell the bot over the Events
/// API goes to <c>tell</c>, and every change calls <c>changed</c>. One lock makes each call atomic, as one Slack call is.
/// </summary>
public sealed partial class EmulatedWorkspace
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // Calls that change nothing, so they do not count as a change.
    private static readonly FrozenSet<string> Reads = FrozenSet.Create(
        StringComparer.Ordinal, "auth.test", "conversations.list", "conversations.history", "conversations.replies", "chat.getPermalink", "users.info", "users.lookupByEmail", "usergroups.list", "usergroups.users.list", "files.info");

    private readonly Lock gate = new();
    private readonly ILiteCollection<EmulatedChannel> channels;
    private readonly ILiteCollection<EmulatedMessage> messages;
    private readonly ILiteCollection<EmulatedEphemeral> ephemerals;
    private readonly ILiteCollection<EmulatedView> views;
    private readonly ILiteCollection<EmulatedFile> files;
    private readonly ILiteCollection<EmulatedBookmark> bookmarks;
    private readonly WorkspaceProfile profile;
    private readonly IWorkspaceDirectory directory;
    private readonly TimeProvider time;
    private readonly Action<JsonObject> tell;
    private readonly Action changed;
    private long lastTsMicros;
    private long sequence;

    /// <summary>
    /// A workspace in <paramref name="database"/>; <paramref name="tell"/> receives each Events API event the bot is owed
    /// (it is in the channel) and may drop them, <paramref name="changed"/> is called after each change, under the lock.
    /// </summary>
    public EmulatedWorkspace(
        LiteDatabase database, WorkspaceProfile profile, IWorkspaceDirectory directory, TimeProvider time, Action<JsonObject>? tell = null, Action? changed = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.profile = profile;
        this.directory = directory;
        this.time = time;
        this.tell = tell ?? (_ => { });
        this.changed = changed ?? (() => { });
        channels = database.GetCollection<EmulatedChannel>("sandbox_channels");
        messages = database.GetCollection<EmulatedMessage>("sandbox_messages");
        messages.EnsureIndex(m => m.Channel);
        messages.EnsureIndex(m => m.ThreadTs);
        ephemerals = database.GetCollection<EmulatedEphemeral>("sandbox_ephemerals");
        views = database.GetCollection<EmulatedView>("sandbox_views");
        files = database.GetCollection<EmulatedFile>("sandbox_files");
        bookmarks = database.GetCollection<EmulatedBookmark>("sandbox_bookmarks");
    }

    private string BotUserId => profile.Bot.Id;

    /// <summary>One Web API call of the bot; Slack's answer, <c>ok</c> true or false.</summary>
    public JsonObject Invoke(string method, JsonObject args)
    {
        lock (gate)
        {
            try
            {
                var answer = method switch
                {
                    "auth.test" => AuthTest(),
                    "conversations.create" => Create(args),
                    "conversations.invite" => Invite(args),
                    "conversations.open" => OpenDirectMessage(args),
                    "conversations.setTopic" => SetTopic(args, topic: true),
                    "conversations.setPurpose" => SetTopic(args, topic: false),
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
                    "users.lookupByEmail" => UserByEmail(args),
                    "usergroups.list" => UserGroups(),
                    "usergroups.users.list" => UserGroupMembers(args),
                    "views.open" => OpenView(args),
                    "views.update" => UpdateView(args),
                    "views.publish" => PublishView(args),
                    "files.getUploadURLExternal" => GetUploadUrl(args),
                    "files.completeUploadExternal" => CompleteUpload(args),
                    "files.info" => FileInfo(args),
                    _ => throw new SlackErrorException("unknown_method"),
                };
                if (!Reads.Contains(method))
                {
                    changed();
                }

                return answer;
            }
            catch (SlackErrorException e)
            {
                return Error(e.Message);
            }
        }
    }

    public static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static JsonObject Ok() => new() { ["ok"] = true };

    /// <summary>A new id: random, as Slack's are, or numbered in order where the profile asks for ids a test can repeat.</summary>
    private string NewId(char prefix, int length = 10) =>
        profile.SequentialIds ? string.Create(CultureInfo.InvariantCulture, $"{prefix}{++sequence:D8}") : prefix + RandomNumberGenerator.GetString(IdAlphabet, length);

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// The channel an argument names, as the bot may see it: a private channel it is not in does not exist, a public one
    /// answers not_in_channel unless <paramref name="member"/> is false, and an archived one refuses writes.
    /// </summary>
    private EmulatedChannel Channel(JsonObject args, string arg = "channel", bool member = true, bool writable = false)
    {
        var channel = channels.FindById(SlackArgs.Text(args, arg) ?? "");
        var isMember = channel?.Members.Contains(BotUserId) == true;
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

    private EmulatedMessage Message(EmulatedChannel channel, string? ts) =>
        messages.FindById(EmulatedMessage.IdOf(channel.Id, ts ?? "")) ?? throw new SlackErrorException("message_not_found");

    private List<EmulatedMessage> MessagesIn(string channel) =>
        [.. messages.Find(m => m.Channel == channel).OrderBy(m => m.Ts, StringComparer.Ordinal)];

    /// <summary>Slack's ts: Unix seconds with six decimals, strictly increasing so each is unique.</summary>
    private string NextTs()
    {
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        lastTsMicros = Math.Max(now, lastTsMicros + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{lastTsMicros / 1_000_000}.{lastTsMicros % 1_000_000:D6}");
    }

    private static decimal? ParseTs(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsUserId(string? id) =>
        id is ['U' or 'W', _, ..] && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>Tells the bot, as the Events API would, when it is in the channel.</summary>
    private void Tell(EmulatedChannel channel, JsonObject slackEvent)
    {
        if (channel.Members.Contains(BotUserId))
        {
            tell(slackEvent);
        }
    }
}
