namespace IncidentBot.Incidents;

/// <summary>
/// Someone or something a timeline entry names, kept as a fact (not as chat markup), so each renderer names it in its
/// own syntax: a mention in Slack, a handle in the Markdown post-mortem.
/// </summary>
public sealed record TimelineParty(TimelinePartyKind Kind, string Id)
{
    public static TimelineParty Person(ResponderId who) => new(TimelinePartyKind.Person, who.Value);

    public static TimelineParty Pager(string service) => new(TimelinePartyKind.Pager, service);

    /// <summary>An escalation target as typed: a channel (C…, G…), a user group (S…, @handle), an on-call schedule (<c>pagerduty:P…</c>), else a person.</summary>
    public static TimelineParty Target(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var kind = target switch
        {
            ['C' or 'G', ..] => TimelinePartyKind.Channel,
            ['S' or '@', ..] => TimelinePartyKind.Group,
            _ when target.Contains(':', StringComparison.Ordinal) => TimelinePartyKind.Schedule,
            _ => TimelinePartyKind.Person,
        };
        return new TimelineParty(kind, target);
    }

    /// <summary>How people read an on-call schedule target: <c>PagerDuty on-call PABC123</c>; <paramref name="id"/> may wrap the schedule's id (in code, say).</summary>
    public static string ScheduleName(string target, Func<string, string>? id = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Split(':', 2) is [var provider, var schedule]
            ? $"{(provider.Equals("pagerduty", StringComparison.OrdinalIgnoreCase) ? "PagerDuty" : "Opsgenie")} on-call {(id ?? (s => s))(schedule)}"
            : target;
    }
}
