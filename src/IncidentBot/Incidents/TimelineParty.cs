namespace IncidentBot.Incidents;

/// <summary>
/// Someone or something a timeline entry names, kept as a fact (not as chat markup), so each renderer names it in its
/// own syntax: a mention in Slack, a handle in the Markdown post-mortem.
/// </summary>
public sealed record TimelineParty(TimelinePartyKind Kind, string Id)
{
    public static TimelineParty Person(ResponderId who) => new(TimelinePartyKind.Person, who.Value);

    public static TimelineParty Pager(string service) => new(TimelinePartyKind.Pager, service);

    /// <summary>An escalation target as typed: a channel (C…, G…), a user group (S…, @handle), else a person.</summary>
    public static TimelineParty Target(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var kind = target switch
        {
            ['C' or 'G', ..] => TimelinePartyKind.Channel,
            ['S' or '@', ..] => TimelinePartyKind.Group,
            _ => TimelinePartyKind.Person,
        };
        return new TimelineParty(kind, target);
    }
}
