namespace IncidentBot.Incidents;

/// <summary>Settings of the "Incidents" section.</summary>
public sealed class IncidentsOptions
{
    public const string Section = "Incidents";

    /// <summary>Channel id (C…) where every declaration is announced. Empty: no announcements.</summary>
    public string AnnouncementChannel { get; set; } = "";

    /// <summary>Channel id (C…) where status-page drafts go for the comms team. Empty: they are posted in the war room.</summary>
    public string StatusPageChannel { get; set; } = "";

    /// <summary>The severity scheme, most severe first. Default: SEV-1..SEV-4 (see <see cref="SeverityScheme.Defaults"/>).</summary>
    public List<SeverityOptions> Severities { get; set; } = [];

    /// <summary>
    /// Severity of an incident declared without one. Default: the third most severe level (<c>SEV-3</c>, or <c>P2</c> in a
    /// P0..P3 scheme), or the least severe of a shorter scheme.
    /// </summary>
    public string DefaultSeverity { get; set; } = "";

    /// <summary>War-room channel name pattern; <c>{yyyy-MM-dd}</c> (or another date format in braces), <c>{slug}</c> and <c>{id}</c> are replaced. Default <c>inc-{yyyy-MM-dd}-{slug}</c>.</summary>
    public string ChannelPattern { get; set; } = "inc-{yyyy-MM-dd}-{slug}";

    /// <summary>Fire the escalation matrix's steps as time passes. Default true; false leaves only <c>/incident escalate</c> and <c>/incident page</c>.</summary>
    public bool AutoEscalation { get; set; } = true;

    /// <summary>Archive the war room when the incident is closed or cancelled. Default true.</summary>
    public bool ArchiveOnClose { get; set; } = true;

    /// <summary>
    /// Let anyone change severity and status, resolve, close and assign roles, taking command included. Default false:
    /// the commander hands over command, role holders assign the other roles and steer (see <see cref="IncidentAuthority"/>).
    /// </summary>
    public bool OpenCommands { get; set; }

    /// <summary>
    /// Also answer a change typed in its war room (severity, status, roles, an update, resolve, close, cancel) with an
    /// ephemeral line, although the war room's own post already says it. Default false: one answer per command, so the
    /// war room's scroll is not doubled. Typed anywhere else, a change is always answered.
    /// </summary>
    public bool EchoWarRoomChanges { get; set; }

    /// <summary>Incident admins, who may always act on every incident: user ids (U…, W…) and user-group ids (S…). Default none.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>The reaction (emoji name without colons) that puts a war-room message on the timeline. Default <c>memo</c>.</summary>
    public string ScribeReaction { get; set; } = "memo";

    /// <summary>Time from resolution to the post-mortem deadline. Default 48 hours.</summary>
    public TimeSpan PostmortemDue { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// The incident's call, bookmarked in its war room and linked from the declaration: a URL pattern where <c>{id}</c>
    /// is the incident id (<c>INC-7</c>) and <c>{channel}</c> the war room's name, e.g. <c>https://meet.example.com/{channel}</c>.
    /// Default empty: the declaration suggests a Slack huddle instead.
    /// </summary>
    public string CallUrl { get; set; } = "";

    /// <summary>Where the post-mortem is written (a wiki page, say), bookmarked in the war room; <c>{id}</c> and <c>{channel}</c> as in <see cref="CallUrl"/>. Default empty: no bookmark.</summary>
    public string PostmortemUrl { get; set; } = "";
}
