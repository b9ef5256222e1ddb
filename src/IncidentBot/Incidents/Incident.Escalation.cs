using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// Escalation: the matrix of the incident's severity is walked step by step, counting from the declaration. How far it
/// got is stored with the incident, so a step fires once, and a bot that was down fires each overdue step once when it
/// is back. A severity change re-plans against the new severity's steps: those whose time has already come fire at once,
/// except that nobody already called in for this incident is called again (so a downgrade calls nobody new, and an
/// upgrade calls in at once whoever the higher severity wanted by now).
/// The matrix runs only while the incident is investigating or identified: it pauses once mitigated (monitoring) and at
/// resolve. When it moves back (monitoring to investigating or identified, or a reopen), it resumes from its first
/// unfired step, counted from that moment: that step fires the gap between it and the step before it (its own
/// <c>After</c> when it is the first) after the move, and later steps keep their gaps. Steps that came due while paused
/// never fire in a burst.
/// </summary>
public sealed partial class Incident
{
    /// <summary>The severity whose matrix <see cref="EscalationStepsDone"/> counts; empty before the first step.</summary>
    public string EscalationPlan { get; private set; } = "";

    /// <summary>How many steps of <see cref="EscalationPlan"/>'s matrix, in order, have fired or were skipped.</summary>
    public int EscalationStepsDone { get; private set; }

    /// <summary>Everyone called in so far (by the matrix or by hand), so a re-plan never calls them twice.</summary>
    public List<string> EscalatedTo { get; private set; } = [];

    /// <summary>The pager services triggered for this incident; they are resolved with it.</summary>
    public List<string> Paged { get; private set; } = [];

    /// <summary>When the matrix last resumed after a pause (see the type's summary); null while it counts from the declaration.</summary>
    public Instant? EscalationResumedAt { get; private set; }

    /// <summary>The severity whose matrix was resumed at <see cref="EscalationResumedAt"/>.</summary>
    public string EscalationResumedPlan { get; private set; } = "";

    /// <summary>How many steps of <see cref="EscalationResumedPlan"/>'s matrix had fired when it resumed.</summary>
    public int EscalationResumedStep { get; private set; }

    /// <summary>Investigating or identified: the matrix runs (see <see cref="IncidentLifecycle.Escalates"/>).</summary>
    public bool IsEscalating => IncidentLifecycle.Escalates(Status);

    /// <summary>When the next step of <paramref name="plan"/> (the matrix of the current severity) is due; null when none is.</summary>
    public Instant? NextEscalationDue(IReadOnlyList<EscalationStep> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var done = StepsDoneIn(Severity);
        return IsEscalating && done < plan.Count ? EscalationBase(plan) + plan[done].After : null;
    }

    /// <summary>Who of <paramref name="step"/> is not called in yet, and its pager service if not paged yet; null when nobody new is left.</summary>
    private (List<string> Targets, string? Page)? Uncalled(EscalationStep step)
    {
        var targets = step.Notify.Where(t => !EscalatedTo.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var page = step.Page is { } service && !Paged.Contains(service, StringComparer.OrdinalIgnoreCase) ? service : null;
        return targets.Count == 0 && page is null ? null : (targets, page);
    }

    /// <summary>
    /// Fires every step of <paramref name="plan"/> that is due at <paramref name="now"/> and has not fired; empty when
    /// none is (or the incident is resolved). Each returned escalation is already on the timeline.
    /// </summary>
    public IReadOnlyList<EscalationCall> EscalateDue(IReadOnlyList<EscalationStep> plan, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fired = new List<EscalationCall>();
        if (!IsEscalating)
        {
            return fired;
        }

        var done = StepsDoneIn(Severity);
        var start = EscalationBase(plan);
        while (done < plan.Count && start + plan[done].After <= now)
        {
            var step = plan[done];
            done++;
            if (Uncalled(step) is not var (targets, page))
            {
                continue;
            }

            var minutes = (long)step.After.TotalMinutes;
            var entry = Called(targets, page, by, now, $"Escalation step {done} of {Severity} (+{minutes} min)");
            fired.Add(new EscalationCall(done, targets, page, entry));
        }

        (EscalationPlan, EscalationStepsDone) = (Severity, done);
        return fired;
    }

    /// <summary>Calls in <paramref name="targets"/> by hand, even someone called before: asking again is the point.</summary>
    public Decision EscalateTo(IReadOnlyList<string> targets, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (!IsOpen)
        {
            return Decision.Refuse($"the incident is {IncidentLifecycle.Word(Status)}; there is no one to escalate to");
        }

        return targets.Count == 0
            ? Decision.Refuse("escalate to whom? `/incident escalate @person`, `#channel` or `@group`")
            : Decision.Apply(Called(targets, null, by, now, "Escalated"));
    }

    /// <summary>Triggers the pager service <paramref name="service"/> by hand; it is resolved when the incident is.</summary>
    public Decision Page(string service, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!IsOpen)
        {
            return Decision.Refuse($"the incident is {IncidentLifecycle.Word(Status)}; nobody needs paging");
        }

        return Decision.Apply(Called([], service, by, now, "Paged"));
    }

    /// <summary>The instant the steps of <paramref name="plan"/> count from: the declaration, or as set when it last resumed.</summary>
    private Instant EscalationBase(IReadOnlyList<EscalationStep> plan)
    {
        if (EscalationResumedAt is not { } resumed)
        {
            return DeclaredAt;
        }

        // Resumed with steps already fired: the first unfired step is its gap after the step before it, from the resume.
        // A severity changed since then re-plans its matrix from the resume.
        var fired = string.Equals(EscalationResumedPlan, Severity, StringComparison.Ordinal) ? EscalationResumedStep : 0;
        return fired > 0 && fired <= plan.Count ? resumed - plan[fired - 1].After : resumed;
    }

    /// <summary>After a status move from <paramref name="from"/>: back into investigating or identified from a pause resumes the matrix now.</summary>
    private void PlanEscalationAfterMove(IncidentStatus from, Instant now)
    {
        if (!IncidentLifecycle.Escalates(from) && IsEscalating)
        {
            (EscalationResumedAt, EscalationResumedPlan, EscalationResumedStep) = (now, Severity, StepsDoneIn(Severity));
        }
    }

    private int StepsDoneIn(string severity) => string.Equals(EscalationPlan, severity, StringComparison.Ordinal) ? EscalationStepsDone : 0;

    private TimelineEntry Called(IReadOnlyList<string> targets, string? page, ResponderId by, Instant now, string what)
    {
        foreach (var target in targets.Where(t => !EscalatedTo.Contains(t, StringComparer.Ordinal)))
        {
            EscalatedTo.Add(target);
        }

        if (page is not null && !Paged.Contains(page, StringComparer.OrdinalIgnoreCase))
        {
            Paged.Add(page);
        }

        // The renderers keep user and channel mentions live; a group is named by its id or handle, never pinged from there.
        List<TimelineParty> whom = [.. targets.Select(TimelineParty.Target)];
        if (page is not null)
        {
            whom.Add(TimelineParty.Pager(page));
        }

        var entry = new TimelineEntry(now, TimelineKind.Escalated, by, what) { To = whom };
        Recorded.Add(entry);
        return entry;
    }
}
