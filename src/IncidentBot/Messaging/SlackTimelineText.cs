using IncidentBot.Incidents;
using IncidentBot.Slack;

namespace IncidentBot.Messaging;

/// <summary>
/// Timeline entries in Slack's syntax: people and channels as live mentions, user groups and pager services named
/// (never pinged from the timeline). Entries stored before their facts were kept carry the mentions in their text already.
/// </summary>
public static class SlackTimelineText
{
    /// <summary>A line for a Slack message: its text escaped and cut to <paramref name="max"/> characters, its parties as mentions.</summary>
    public static string Line(TimelineLine line, int max)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Describe(text => SlackText.Escape(SlackText.Truncate(text, max)), party => Party(party, SlackText.Escape));
    }

    /// <summary>The entry as one unescaped line with Slack's mentions, as the webhook events' summary has always been.</summary>
    public static string Summary(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Describe(text => text, party => Party(party, text => text));
    }

    private static string Party(TimelineParty party, Func<string, string> plain) => party.Kind switch
    {
        TimelinePartyKind.Person => SlackText.User(party.Id),
        TimelinePartyKind.Channel => SlackText.Channel(party.Id),
        TimelinePartyKind.Pager => "pager " + plain(party.Id),
        TimelinePartyKind.Schedule => plain(TimelineParty.ScheduleName(party.Id)),
        _ => plain(party.Id),
    };
}
