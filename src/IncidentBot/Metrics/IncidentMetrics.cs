using IncidentBot.Incidents;

namespace IncidentBot.Metrics;

/// <summary>
/// The incident figures of a period, computed from the incidents alone (no I/O). Drills are left out of everything (and
/// counted apart); cancelled and failed incidents count nowhere.
/// <list type="bullet">
/// <item>Detect: impact started → declared (impact start defaults to the declaration, so unknown counts as 0).</item>
/// <item>Acknowledge: declared → the first acknowledgement (<c>/incident ack</c>, the escalation DM's button, the page
/// acknowledged at its pager; never acknowledged: left out of it); identify: declared → status first set to identified;
/// resolve: declared → resolved. Incidents that have not reached a point yet are left out of that measure only.</item>
/// <item>Post-mortems: of the incidents whose severity requires one and that are resolved or closed, those that are
/// closed and whose draft was shared in the war room. The bot cannot see the wiki, so closing the incident after the
/// draft was shared is what marks the post-mortem done (the resolved message asks to close "when follow-up is done").</item>
/// <item>Action items: of all action items recorded on the period's incidents, those marked done.</item>
/// </list>
/// </summary>
public sealed record IncidentMetrics(MetricsPeriod Period, IReadOnlyList<SeverityFigures> BySeverity, SeverityFigures Total, Rate Postmortems, Rate ActionItems, int Drills)
{
    public const string AllSeverities = "all";

    /// <param name="period">The period the incidents were declared in.</param>
    /// <param name="declared">Incidents, drills included (they are counted apart); those declared outside <paramref name="period"/> are left out.</param>
    /// <param name="scheme">Orders the severities and says which require a post-mortem; every configured level gets a row.</param>
    /// <param name="postmortemShared">Ids of incidents whose post-mortem draft was shared.</param>
    public static IncidentMetrics Compute(MetricsPeriod period, IEnumerable<Incident> declared, SeverityScheme scheme, IReadOnlySet<IncidentId> postmortemShared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(postmortemShared);
        ArgumentNullException.ThrowIfNull(period);
        var all = declared.Where(i => i.DeclaredAt >= period.Start && i.DeclaredAt < period.End && !i.IsVoid).ToList();
        var real = all.Where(i => !i.IsDrill).ToList();
        var names = scheme.Levels.Select(l => l.Name)
            .Concat(real.Select(i => i.Severity).Where(s => scheme.Find(s) is null).Distinct(StringComparer.Ordinal))
            .ToList();
        var bySeverity = names
            .Select(name => Figures(name, real.Where(i => string.Equals(i.Severity, name, StringComparison.OrdinalIgnoreCase))))
            .ToList();

        var needingPostmortem = real
            .Where(i => i.Status is IncidentStatus.Resolved or IncidentStatus.Closed && scheme.Find(i.Severity) is { PostmortemRequired: true })
            .ToList();
        var postmortems = new Rate(
            needingPostmortem.Count(i => i.Status == IncidentStatus.Closed && postmortemShared.Contains(i.Id)),
            needingPostmortem.Count);
        var items = real.SelectMany(i => i.ActionItems).ToList();
        var actionItems = new Rate(items.Count(a => a.DoneAt is not null), items.Count);
        return new IncidentMetrics(period, bySeverity, Figures(AllSeverities, real), postmortems, actionItems, all.Count - real.Count);
    }

    private static SeverityFigures Figures(string severity, IEnumerable<Incident> incidents)
    {
        var list = incidents.ToList();
        return new SeverityFigures(
            severity,
            list.Count,
            Figure.Of(list.Select(i => i.DeclaredAt - i.ImpactStarted())),
            Figure.Of(list.Where(i => i.AcknowledgedAt is not null).Select(i => i.AcknowledgedAt!.Value - i.DeclaredAt)),
            Figure.Of(list.Where(i => i.IdentifiedAt is not null).Select(i => i.IdentifiedAt!.Value - i.DeclaredAt)),
            Figure.Of(list.Where(i => i.ResolvedAt is not null).Select(i => i.ResolvedAt!.Value - i.DeclaredAt)));
    }
}
