using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Postmortems;

/// <summary>
/// On resolve, however it was resolved, a draft asked for by nobody: it is shared if the incident's severity requires a
/// post-mortem, which <see cref="PostmortemUpload"/> looks up when it is sent.
/// </summary>
public sealed class PostmortemOnResolve : IDecisionEffects
{
    public IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Facts.Any(f => f is StatusMoved { To: IncidentStatus.Resolved })
            ? [OutboxMessage.For(incident.Id, new UploadPostmortem(null), now)]
            : [];
    }
}
