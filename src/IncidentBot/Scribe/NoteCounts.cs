using System.Collections.Concurrent;
using IncidentBot.Incidents;
using IncidentBot.Storage;

namespace IncidentBot.Scribe;

/// <summary>
/// How many notes each incident has, for <see cref="IncidentLimits.Notes"/>, without reading every note on every
/// reaction: counted from the store on first use and again every <see cref="RecountEvery"/> asks (so notes removed, or
/// added by another replica, are seen), and counted up in between as this process adds them. Past the limit an incident
/// can go over only by what other replicas add between two recounts.
/// </summary>
public sealed class NoteCounts(INoteStore notes)
{
    /// <summary>Asks between two reads of an incident's notes.</summary>
    public const int RecountEvery = 64;

    /// <summary>Incidents remembered at most; past it the memory starts afresh (each incident is counted again once).</summary>
    private const int Remembered = 1000;

    private readonly ConcurrentDictionary<IncidentId, (int Count, int Asks)> counts = new();

    /// <summary>How many notes <paramref name="incident"/> has, as near as this process knows.</summary>
    public int Of(IncidentId incident)
    {
        if (counts.Count > Remembered)
        {
            counts.Clear();
        }

        var known = counts.AddOrUpdate(incident, id => (notes.ForIncident(id).Count, 0), (id, c) => c.Asks + 1 >= RecountEvery ? (notes.ForIncident(id).Count, 0) : (c.Count, c.Asks + 1));
        return known.Count;
    }

    /// <summary>One more note of <paramref name="incident"/> is stored.</summary>
    public void Added(IncidentId incident) => counts.AddOrUpdate(incident, _ => (1, 0), (_, c) => (c.Count + 1, c.Asks));
}
