using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Metrics;

/// <summary>
/// November 2026 as it happened, plus one incident of October (for the review's trends) and one drill. The times are
/// chosen so every figure can be worked out by hand; <see cref="IncidentMetricsTests"/> shows the arithmetic.
/// </summary>
internal static class ScriptedMonth
{
    public static readonly SeverityScheme Scheme = new(SeverityScheme.Defaults, "SEV-3");
    public static readonly ResponderId Ic = new("U0IC");
    public static readonly ResponderId Lead = new("U0LEAD");

    private static Severity Sev(int level) => Scheme.Levels[level - 1];

    private static Instant At(int month, int day, int hour, int minute) => Instant.FromUtc(2026, month, day, hour, minute);

    /// <summary>Incidents whose post-mortem draft was shared: INC-1, INC-7 and INC-8 (not INC-3).</summary>
    public static IReadOnlySet<IncidentId> Shared { get; } = new HashSet<IncidentId> { new(1), new(7), new(8) };

    public static IReadOnlyList<Incident> Incidents()
    {
        // INC-1 SEV-1: impact 09:50, declared 10:00, the commander acknowledges and sets identified 10:05,
        // monitoring 10:30, resolved 11:00, closed two days later; 2 action items, 1 done.
        var one = Declare(1, "Checkout returns 500s", 1, At(11, 2, 10, 0), impact: At(11, 2, 9, 50));
        one.Acknowledge(Acknowledger.InSlack(Ic), At(11, 2, 10, 5));
        one.ChangeStatus(IncidentStatus.Identified, Ic, At(11, 2, 10, 5));
        one.ChangeStatus(IncidentStatus.Monitoring, Ic, At(11, 2, 10, 30));
        one.AddActionItem("Alert on 5xx rate", Lead, null, Lead, At(11, 2, 10, 40));
        one.AddActionItem("Canary deploys", Lead, null, Lead, At(11, 2, 10, 41));
        one.Resolve("Rolled back", Ic, At(11, 2, 11, 0));
        one.CompleteActionItem(1, Lead, At(11, 3, 9, 0));
        one.Close(Ic, At(11, 4, 9, 0));

        // INC-2 SEV-1: declared 08:00; the lead (not the commander) records impact from 07:30; the commander acknowledges
        // and posts an update at 08:15; identified 08:45; resolved 10:00, not closed; 1 action item, open.
        var two = Declare(2, "Payments time out", 1, At(11, 10, 8, 0));
        two.StartImpactAt(At(11, 10, 7, 30), Lead, At(11, 10, 8, 5));
        two.Acknowledge(Acknowledger.InSlack(Ic), At(11, 10, 8, 15));
        two.PostUpdate("Payments provider slow", Sev(1), Ic, At(11, 10, 8, 15));
        two.ChangeStatus(IncidentStatus.Identified, Lead, At(11, 10, 8, 45));
        two.AddActionItem("Timeout budget", null, null, Lead, At(11, 10, 9, 0));
        two.Resolve(null, Lead, At(11, 10, 10, 0));

        // INC-3 SEV-2: impact not given (= declared 14:00); the commander acknowledges and names a tech lead at 14:02; never identified;
        // resolved 15:30 and closed, but no post-mortem draft was shared; 2 action items, both done.
        var three = Declare(3, "Search | results <slow>", 2, At(11, 15, 14, 0));
        three.Acknowledge(Acknowledger.InSlack(Ic), At(11, 15, 14, 2));
        three.AssignRole(IncidentRole.TechLead, Lead, Ic, At(11, 15, 14, 2));
        three.AddActionItem("Index rebuild runbook", Lead, null, Lead, At(11, 15, 15, 0));
        three.AddActionItem("Slow-query alert", Lead, null, Lead, At(11, 15, 15, 1));
        three.Resolve("Rebuilt the index", Lead, At(11, 15, 15, 30));
        three.CompleteActionItem(1, Lead, At(11, 16, 9, 0));
        three.CompleteActionItem(2, Lead, At(11, 16, 9, 5));
        three.Close(Lead, At(11, 17, 9, 0));

        // INC-4 SEV-3, private: impact 08:00, declared 09:00, commander's acknowledgement and update 09:20, identified 09:30, resolved 10:00.
        var four = Declare(4, "Typo on the admin page", 3, At(11, 20, 9, 0), impact: At(11, 20, 8, 0), isPrivate: true);
        four.Acknowledge(Acknowledger.InSlack(Ic), At(11, 20, 9, 20));
        four.PostUpdate("Fix in review", Sev(3), Ic, At(11, 20, 9, 20));
        four.ChangeStatus(IncidentStatus.Identified, Ic, At(11, 20, 9, 30));
        four.Resolve("Fixed", Ic, At(11, 20, 10, 0));

        // INC-5 SEV-2, still open: impact 15:50, declared 16:00; only the lead has acted, and nobody acknowledged.
        var five = Declare(5, "Queue backlog", 2, At(11, 28, 16, 0), impact: At(11, 28, 15, 50));
        five.PostUpdate("Draining", Sev(2), Lead, At(11, 28, 16, 30));

        // INC-6, a SEV-1 drill: left out of every figure, its action item too.
        var drill = Declare(6, "Game day: database failover", 1, At(11, 12, 13, 0), impact: At(11, 12, 12, 0), drill: true);
        drill.AddActionItem("Document failover", Lead, null, Lead, At(11, 12, 13, 10));
        drill.Resolve("Failed over", Ic, At(11, 12, 13, 30));

        // INC-7 SEV-1 of October (the previous month): impact 22:00, declared 23:00, acknowledged and update 23:30, resolved 01:00 the next day, closed.
        var seven = Declare(7, "Login outage", 1, At(10, 31, 23, 0), impact: At(10, 31, 22, 0));
        seven.Acknowledge(Acknowledger.InSlack(Ic), At(10, 31, 23, 30));
        seven.PostUpdate("Investigating", Sev(1), Ic, At(10, 31, 23, 30));
        seven.Resolve("Restarted", Ic, At(11, 1, 1, 0));
        seven.Close(Ic, At(11, 2, 9, 0));

        // INC-8 SEV-1: impact 01:00, declared 02:00, acknowledged and monitoring 02:10, identified 02:40, resolved 04:00,
        // closed with its draft shared; 1 action item, done.
        var eight = Declare(8, "Cart empties itself", 1, At(11, 25, 2, 0), impact: At(11, 25, 1, 0));
        eight.Acknowledge(Acknowledger.InSlack(Ic), At(11, 25, 2, 10));
        eight.ChangeStatus(IncidentStatus.Monitoring, Ic, At(11, 25, 2, 10));
        eight.ChangeStatus(IncidentStatus.Identified, Ic, At(11, 25, 2, 40));
        eight.AddActionItem("Session store alarms", Ic, null, Ic, At(11, 25, 3, 0));
        eight.Resolve("Cache flushed", Ic, At(11, 25, 4, 0));
        eight.CompleteActionItem(1, Ic, At(11, 26, 9, 0));
        eight.Close(Ic, At(11, 27, 9, 0));

        return [one, two, three, four, five, drill, seven, eight];
    }

    private static Incident Declare(int id, string title, int severity, Instant at, Instant? impact = null, bool drill = false, bool isPrivate = false) =>
        Incident.Declare(new IncidentId(id), title, Sev(severity), "", isPrivate, Ic, "CGENERAL", $"inc-{id}", at, drill, impact);
}
