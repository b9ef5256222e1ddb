using IncidentBot.Incidents;
using IncidentBot.Storage;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

/// <summary>
/// A declaration invites its severity's <c>Incidents:Responders</c> in the same transaction, on the war room's invite
/// lane, before any escalation step. A drill invites nobody: nobody outside its war room hears of it.
/// </summary>
public sealed class DeclaredResponders(IOptions<RespondersOptions> options, SeverityScheme scheme) : IIncidentChangeListener
{
    public IEnumerable<OutboxMessage> Changed(Incident incident, IReadOnlyList<TimelineEntry> added)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(added);
        if (incident.IsDrill || added.FirstOrDefault(e => e.Kind == TimelineKind.Declared) is not { } declared)
        {
            return [];
        }

        var severity = scheme.Named(incident.Severity).Name;
        var targets = For(options.Value, scheme, severity);
        return targets.Count == 0
            ? []
            : [OutboxMessage.For(incident.Id, new InviteResponders(targets, $"{severity} responders"), declared.At).InLane(OutboxMessage.InviteLane)];
    }

    /// <summary>The parsed responder targets configured for <paramref name="severity"/> (under its name or an alias).</summary>
    public static IReadOnlyList<string> For(RespondersOptions options, SeverityScheme scheme, string severity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheme);
        var level = scheme.Named(severity).Name;
        return [.. options.Responders
            .Where(r => scheme.Find(r.Key)?.Name == level)
            .SelectMany(r => r.Value)
            .Select(EscalationTargets.Parse)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }
}
