namespace IncidentBot.Incidents;

/// <summary>What a <see cref="TimelineParty"/> names, so a renderer knows how to name it.</summary>
public enum TimelinePartyKind
{
    /// <summary>A person, by their chat user id (U…).</summary>
    Person,

    /// <summary>A channel (C…, G…).</summary>
    Channel,

    /// <summary>A user group, by its id (S…) or handle (@…): named, never pinged from the timeline.</summary>
    Group,

    /// <summary>A pager service, by its configured name.</summary>
    Pager,

    /// <summary>An on-call schedule, by its provider and id (<c>pagerduty:PABC123</c>): named, never pinged.</summary>
    Schedule,
}
