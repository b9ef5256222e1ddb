using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// What the post-mortem uploads did for one incident, whichever of its outbox messages did it: when its draft was first
/// shared in the war room, and when the war room's bookmark of it was queued. One document per incident, keyed by its id,
/// so "was this incident's draft shared" is a look-up by key, however many uploads there ever were.
/// </summary>
public sealed class PostmortemIncidentRecord
{
    public IncidentId Id { get; set; }

    public Instant? SharedAt { get; set; }

    public Instant? BookmarkedAt { get; set; }
}
