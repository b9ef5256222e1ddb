namespace IncidentBot.Incidents;

/// <summary>
/// How an entry's text and its parties read as one line, the same for every renderer: <c>Tech lead: A → B</c>,
/// <c>Tech lead: A → nobody</c>, <c>Escalated: A, B</c>. The renderer says how plain text and each party are written.
/// </summary>
internal static class TimelineWording
{
    public static string Describe(string text, IReadOnlyList<TimelineParty> from, IReadOnlyList<TimelineParty> to, Func<string, string> plain, Func<TimelineParty, string> party)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(party);
        string Names(IReadOnlyList<TimelineParty> parties) => string.Join(", ", parties.Select(party));
        if (from.Count > 0)
        {
            return $"{plain(text)}: {Names(from)} → {(to.Count > 0 ? Names(to) : plain("nobody"))}";
        }

        return to.Count > 0 ? $"{plain(text)}: {Names(to)}" : plain(text);
    }
}
