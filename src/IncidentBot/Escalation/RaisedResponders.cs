using IncidentBot.Changes;
using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Escalation;

/// <summary>
/// Raising an open incident's severity invites the new level's <c>Incidents:Responders</c> that the old level did not
/// have: a SEV-3 that becomes a SEV-1 gets the SEV-1 on-call as if it had been declared so. Lowering invites nobody.
/// </summary>
public sealed class RaisedResponders(IOptions<RespondersOptions> options, SeverityScheme scheme) : IDecisionEffects
{
    public IEnumerable<OutboxMessage> Follow(Incident incident, Decision decision, ResponderId actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(decision);
        if (incident.IsDrill || !incident.IsOpen || decision.Facts.OfType<SeverityMoved>().LastOrDefault() is not { } moved
            || scheme.Named(moved.To).Rank >= scheme.Named(moved.From).Rank)
        {
            return [];
        }

        var before = DeclaredResponders.For(options.Value, scheme, moved.From);
        var targets = DeclaredResponders.For(options.Value, scheme, moved.To).Except(before, StringComparer.Ordinal).ToList();
        return targets.Count == 0
            ? []
            : [OutboxMessage.For(incident.Id, new InviteResponders(targets, $"{scheme.Named(moved.To).Name} responders, as the severity was raised"), now).InLane(OutboxMessage.InviteLane)];
    }
}
