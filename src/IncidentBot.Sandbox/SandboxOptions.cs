namespace IncidentBot.Sandbox;

/// <summary>
/// Settings of the "Sandbox" section. Without <c>Slack:BotToken</c> (or with <see cref="Enabled"/>) the bot runs against an
/// emulated Slack workspace served by the same process, with a web page at <c>/</c> to use it.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Run in the sandbox even when <c>Slack:BotToken</c> is set. Default false: the sandbox starts only without a token.</summary>
    public bool Enabled { get; set; }

    /// <summary>Delete the sandbox's LiteDB file at start, for a fresh workspace. Default false.</summary>
    public bool Reset { get; set; }

    /// <summary>The LiteDB file of the sandbox: the bot's incidents and the emulated workspace, apart from production data. Default <c>data/sandbox.db</c>.</summary>
    public string Path { get; set; } = "data/sandbox.db";

    /// <summary>The secret the sandbox signs its requests to the bot with. Default empty: a new random secret each run. Never logged.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>
    /// When set, the update cadence of every severity, so a drill sees a reminder after a minute instead of 15. Default
    /// empty: the configured cadences. The reminder text rounds to minutes, so use at least <c>00:01:00</c>.
    /// </summary>
    public TimeSpan? UpdateInterval { get; set; }
}
