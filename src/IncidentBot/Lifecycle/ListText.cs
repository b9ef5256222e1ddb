using IncidentBot.Incidents;
using IncidentBot.Messaging;
using NodaTime;

namespace IncidentBot.Lifecycle;

/// <summary>
/// The text of <c>/incident list</c> for those who see every open incident, rendered once per change and per age shown:
/// the store shares its open incidents (the same list) until the next change, and an age is shown in whole minutes, so
/// until the next change or the next minute of any incident's age the text is the same for every caller. One entry:
/// a change or a new minute replaces it. A store that reads a fresh list each time gets each render anew.
/// </summary>
public sealed class ListText(IncidentMessages messages)
{
    private Entry? last;

    /// <summary>The list of all of <paramref name="open"/> as seen at <paramref name="now"/>.</summary>
    public string For(IReadOnlyList<Incident> open, Instant now)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (Volatile.Read(ref last) is { } entry && ReferenceEquals(entry.Open, open) && now >= entry.From && now < entry.Until)
        {
            return entry.Text;
        }

        var text = messages.List(open, now);
        Volatile.Write(ref last, new Entry(open, now, NextAgeChange(open, now), text));
        return text;
    }

    /// <summary>The first instant after <paramref name="now"/> at which an incident's age reaches its next whole minute.</summary>
    private static Instant NextAgeChange(IReadOnlyList<Incident> open, Instant now)
    {
        var until = Instant.MaxValue;
        foreach (var incident in open)
        {
            var minutes = Math.Max(0, (long)Math.Floor((now - incident.DeclaredAt).TotalMinutes));
            var next = incident.DeclaredAt + Duration.FromMinutes(minutes + 1);
            if (next < until)
            {
                until = next;
            }
        }

        return until;
    }

    private sealed record Entry(IReadOnlyList<Incident> Open, Instant From, Instant Until, string Text);
}
