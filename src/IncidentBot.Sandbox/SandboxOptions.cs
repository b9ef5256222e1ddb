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

    /// <summary>The file name of the sandbox's LiteDB file in the data directory (<c>Storage:DataDirectory</c>) when <see cref="Path"/> is not set.</summary>
    public const string DefaultFileName = "sandbox.db";

    /// <summary>
    /// The LiteDB file of the sandbox: the bot's incidents and the emulated workspace, apart from production data. Default
    /// <c>sandbox.db</c> in <c>Storage:DataDirectory</c> (<c>data/sandbox.db</c>).
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>The secret the sandbox signs its requests to the bot with. Default empty: a new random secret each run. Never logged.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>
    /// How many times sooner update reminders, escalation steps and response targets come than configured, so the
    /// sandbox shows them in minutes: each time is divided by it and rounded up to a whole minute (a step at 0 stays at
    /// once; the next business day stays a day). Default 15: a SEV-1 update is due 1 minute after declaring instead of
    /// 15, its response target after 1 minute instead of 5. 1 keeps the configured times.
    /// </summary>
    public int TimeScale { get; set; } = 15;

    /// <summary>
    /// When set, the update cadence of every severity, so a drill sees a reminder after a minute instead of 15, whatever
    /// <see cref="TimeScale"/> says. Default empty: the configured cadences, scaled. The reminder text rounds to minutes, so use at least <c>00:01:00</c>.
    /// </summary>
    public TimeSpan? UpdateInterval { get; set; }
}
