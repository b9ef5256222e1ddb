using System.Text.RegularExpressions;

namespace IncidentBot.Escalation;

/// <summary>
/// The people and places an escalation can call in, as typed or configured: ids (<c>C…</c>, <c>U…</c>, <c>W…</c>,
/// <c>S…</c>), Slack's escaped mentions of them (<c>&lt;@U…|ann&gt;</c>, <c>&lt;#C…|ops&gt;</c>,
/// <c>&lt;!subteam^S…|@oncall&gt;</c>), a user-group handle (<c>@oncall</c>), or whoever is on call now in a PagerDuty or
/// Opsgenie schedule (<c>pagerduty:PABC123</c>, <c>opsgenie:&lt;schedule id&gt;</c>). Never Slack's broadcasts
/// (<c>@here</c>, <c>@channel</c>, <c>@everyone</c>, <c>&lt;!here&gt;</c>): the bot posts escalations with <c>link_names</c>,
/// so one would ping everyone in the war room or a notified channel.
/// </summary>
public static partial class EscalationTargets
{
    /// <summary>The target <paramref name="word"/> names (a bare id or <c>@handle</c>); null when it names none.</summary>
    public static string? Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var m = Target().Match(word.Trim());
        if (!m.Success || IsBroadcast(word))
        {
            return null;
        }

        return m.Groups["id"].Success ? m.Groups["id"].Value
            : m.Groups["provider"].Success ? m.Groups["provider"].Value.ToLowerInvariant() + ":" + m.Groups["schedule"].Value
            : m.Groups["handle"].Value.ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="word"/> is one of Slack's broadcasts, typed (<c>@here</c>) or escaped (<c>&lt;!channel&gt;</c>).</summary>
    public static bool IsBroadcast(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Broadcast().IsMatch(word.Trim());
    }

    public static bool IsValid(string target) => Parse(target) == target;

    /// <summary>A channel gets a message there; a user a DM (and an invitation to the war room).</summary>
    public static bool IsChannel(string target) => target is ['C' or 'G', ..];

    public static bool IsUser(string target) => target is ['U' or 'W', ..];

    /// <summary>A user group, by id (<c>S…</c>) or handle (<c>@oncall</c>): its members are invited to the war room.</summary>
    public static bool IsUserGroup(string target) => target is ['S' or '@', ..];

    /// <summary>An on-call schedule (<c>pagerduty:…</c>, <c>opsgenie:…</c>): whoever is on call in it is invited.</summary>
    public static bool IsSchedule(string target) => target.Contains(':', StringComparison.Ordinal);

    /// <summary>Someone to invite, once looked up: a user group or an on-call schedule.</summary>
    public static bool NeedsLookup(string target) => IsUserGroup(target) || IsSchedule(target);

    [GeneratedRegex(@"^(?:<[@#!](?:subteam\^)?(?<id>[CGUWS][A-Z0-9]{2,})(?:\|[^<>]*)?>|(?<id>[CGUWS][A-Z0-9]{2,})|(?<handle>@[A-Za-z0-9._-]{1,80})|(?<provider>(?i:pagerduty|opsgenie)):(?<schedule>[A-Za-z0-9._-]{1,64}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Target();

    [GeneratedRegex(@"^(?:@(?:here|channel|everyone|group)|<!(?:here|channel|everyone|group)(?:\|[^<>]*)?>)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Broadcast();
}
