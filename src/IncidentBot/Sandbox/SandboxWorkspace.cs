using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LiteDB;
using NodaTime;

namespace IncidentBot.Sandbox;

/// <summary>
/// The emulated Slack workspace: its channels, messages, pins, reactions, modals and files, kept in the sandbox's LiteDB
/// file, changed by the bot through the Web API (<see cref="Invoke"/>) and by people through the page. Slack's rules and
/// error codes apply to the bot's calls; every change wakes the page, and what Slack would tell the bot goes to
/// <see cref="SlackEventBacklog"/>. One lock makes each call atomic, as one Slack call is.
/// </summary>
public sealed partial class SandboxWorkspace
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly Lock gate = new();
    private readonly ILiteCollection<SandboxChannel> channels;
    private readonly ILiteCollection<SandboxMessage> messages;
    private readonly ILiteCollection<SandboxEphemeral> ephemerals;
    private readonly ILiteCollection<SandboxView> views;
    private readonly ILiteCollection<SandboxFile> files;
    private readonly Dictionary<string, string> triggers = new(StringComparer.Ordinal);
    private readonly IClock clock;
    private readonly SandboxChanges changes;
    private readonly SlackEventBacklog events;
    private readonly SandboxSession session;
    private long lastTsMicros;

    public SandboxWorkspace(LiteDatabase database, IClock clock, SandboxChanges changes, SlackEventBacklog events, SandboxSession session)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.clock = clock;
        this.changes = changes;
        this.events = events;
        this.session = session;
        channels = database.GetCollection<SandboxChannel>("sandbox_channels");
        messages = database.GetCollection<SandboxMessage>("sandbox_messages");
        messages.EnsureIndex(m => m.Channel);
        ephemerals = database.GetCollection<SandboxEphemeral>("sandbox_ephemerals");
        views = database.GetCollection<SandboxView>("sandbox_views");
        files = database.GetCollection<SandboxFile>("sandbox_files");
        var everyone = SandboxDirectory.People.Select(p => p.Id).Append(SandboxDirectory.BotUserId).ToList();
        Seed(SandboxDirectory.GeneralChannelId, "general", "Company-wide announcements and work-based matters", everyone);
        Seed(SandboxDirectory.AnnouncementChannelId, "incidents", "Every incident is announced here", everyone);

        // As in most workspaces, there is a channel the bot was never added to.
        Seed(SandboxDirectory.RandomChannelId, "random", "Non-work banter; the bot is not in here", [.. SandboxDirectory.People.Select(p => p.Id)]);
    }

    // Calls that change nothing the page shows, so they do not make every open page refresh.
    private static readonly FrozenSet<string> Reads = FrozenSet.Create(
        StringComparer.Ordinal, "auth.test", "conversations.list", "conversations.history", "conversations.replies", "chat.getPermalink", "users.info", "usergroups.users.list");

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
                    "usergroups.users.list" => UserGroupMembers(args),
                    "views.open" => OpenView(args),
                    "views.update" => UpdateView(args),
                    "files.getUploadURLExternal" => GetUploadUrl(args),
                    "files.completeUploadExternal" => CompleteUpload(args),
                    _ => throw new SlackErrorException("unknown_method"),
                };
                if (!Reads.Contains(method))
                {
                    changes.Changed();
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

    private static string NewId(char prefix, int length = 10) => prefix + RandomNumberGenerator.GetString(IdAlphabet, length);

    private void Seed(string id, string name, string purpose, List<string> members)
    {
        if (channels.FindById(id) is null)
        {
            channels.Insert(new SandboxChannel
            {
                Id = id, Name = name, Purpose = purpose, Members = members, Creator = SandboxDirectory.People[0].Id,
                Created = clock.GetCurrentInstant().ToUnixTimeSeconds(),
            });
        }
    }

    /// <summary>
    /// The channel an argument names, as the bot may see it: a private channel it is not in does not exist, a public one
    /// answers not_in_channel unless <paramref name="member"/> is false, and an archived one refuses writes.
    /// </summary>
    private SandboxChannel Channel(JsonObject args, string arg = "channel", bool member = true, bool writable = false)
    {
        var channel = channels.FindById(SandboxArgs.Text(args, arg) ?? "");
        var isMember = channel?.Members.Contains(SandboxDirectory.BotUserId) == true;
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

    private SandboxMessage Message(SandboxChannel channel, string? ts) =>
        messages.FindById(SandboxMessage.IdOf(channel.Id, ts ?? "")) ?? throw new SlackErrorException("message_not_found");

    private List<SandboxMessage> MessagesIn(string channel) =>
        [.. messages.Find(m => m.Channel == channel).OrderBy(m => m.Ts, StringComparer.Ordinal)];

    /// <summary>Slack's ts: Unix seconds with six decimals, strictly increasing so each is unique.</summary>
    private string NextTs()
    {
        var now = (clock.GetCurrentInstant() - Instant.FromUnixTimeTicks(0)).BclCompatibleTicks / 10;
        lastTsMicros = Math.Max(now, lastTsMicros + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{lastTsMicros / 1_000_000}.{lastTsMicros % 1_000_000:D6}");
    }

    private static decimal? ParseTs(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool IsUserId(string? id) =>
        id is ['U' or 'W', _, ..] && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>Tells the bot, as the Events API would, when it is in the channel.</summary>
    private void Tell(SandboxChannel channel, JsonObject slackEvent)
    {
        if (channel.Members.Contains(SandboxDirectory.BotUserId))
        {
            events.Enqueue(slackEvent);
        }
    }
}
