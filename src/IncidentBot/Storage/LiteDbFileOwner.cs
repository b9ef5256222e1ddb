using LiteDB;

namespace IncidentBot.Storage;

/// <summary>
/// Which kind of bot a LiteDB file serves, written into it at the first start (collection <c>meta</c>): the sandbox, or
/// a bot with a Slack token. The other kind refuses the file at start, so the sandbox's unfinished work (a war room to
/// create, a message to post) is never replayed against a real workspace, and the sandbox never marks a real
/// workspace's pending messages delivered to its emulated one. A file from before the mark counts as the sandbox's when
/// it holds the emulated workspace (its <c>sandbox_</c> collections), and as a bot's when it holds anything else.
/// </summary>
internal static class LiteDbFileOwner
{
    private const string Collection = "meta";
    private const string Key = "owner";
    private const string SandboxOwner = "sandbox";
    private const string BotOwner = "slack";

    /// <summary>Marks a new file as <paramref name="sandbox"/>'s or a bot's; refuses a file the other kind wrote.</summary>
    /// <exception cref="StorageUnavailableException">The file belongs to the other kind.</exception>
    public static void Claim(LiteDatabase database, string path, bool sandbox)
    {
        var meta = database.GetCollection(Collection);
        var owner = meta.ById(Key)?["value"].AsString ?? Legacy(database);
        var expected = sandbox ? SandboxOwner : BotOwner;
        if (owner is null)
        {
            meta.Upsert(new BsonDocument { ["_id"] = Key, ["value"] = expected });
            return;
        }

        if (owner == expected)
        {
            return;
        }

        throw new StorageUnavailableException(sandbox
            ? $"{path} holds the incidents of a bot with a Slack token; the sandbox never writes there, since it would take that bot's pending messages for its own. Give Sandbox:Path a file of its own (by default sandbox.db in Storage:DataDirectory)"
            : $"{path} holds the sandbox's emulated workspace; a bot with a Slack token would replay the sandbox's unfinished work against your workspace. Give Storage:Path a file of its own (by default incidentbot.db in Storage:DataDirectory)");
    }

    private static string? Legacy(LiteDatabase database)
    {
        var names = database.GetCollectionNames().Where(n => n != Collection).ToList();
        return names.Count == 0 ? null : names.Any(n => n.StartsWith("sandbox_", StringComparison.Ordinal)) ? SandboxOwner : BotOwner;
    }
}
