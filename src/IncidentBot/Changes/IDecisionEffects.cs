using IncidentBot.Incidents;
using IncidentBot.Storage;
using NodaTime;

namespace IncidentBot.Changes;

/// <summary>
/// Turns what a decision changed (<see cref="Decision.Facts"/>) into the outbox messages that carry it out, inside the
/// write that applied it. Each feature registers its own; <see cref="IncidentChanger"/> asks every one of them for every
/// decision, so a change has the same effects whether it came from a command, a button, a form or an API.
/// </summary>
public interface IDecisionEffects
{
    /// <param name="incident">The incident as changed.</param>
    /// <param name="decision">The applied decision.</param>
    /// <param name="actor">Who made the change.</param>
    /// <param name="now">When.</param>
    IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now);
}
