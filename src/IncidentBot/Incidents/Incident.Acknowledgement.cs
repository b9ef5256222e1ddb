using NodaTime;

namespace IncidentBot.Incidents;

/// <summary>
/// Acknowledgement: someone answered the call. The first acknowledgement (<c>/incident ack</c>, the escalation DM's
/// button, or the page acknowledged at PagerDuty or Opsgenie) is kept with who, where and when; a second one changes
/// nothing. Mean time to acknowledge counts from the declaration to it. Until it comes, the severity's response target
/// runs: when it passes unacknowledged while the matrix runs, the next escalation step is called in at once, once.
/// </summary>
public sealed partial class Incident
{
    /// <summary>When the incident was first acknowledged; null until someone does.</summary>
    public Instant? AcknowledgedAt { get; private set; }

    /// <summary>Who acknowledged it: the Slack user, or the bot for an alert source (see <see cref="AcknowledgedName"/>).</summary>
    public ResponderId? AcknowledgedBy { get; private set; }

    /// <summary>Where it was acknowledged: <see cref="Acknowledger.Slack"/>, or the alert source (<c>PagerDuty</c>, <c>Opsgenie</c>).</summary>
    public string AcknowledgedVia { get; private set; } = "";

    /// <summary>The person as an alert source names them; empty for a Slack user.</summary>
    public string AcknowledgedName { get; private set; } = "";

    /// <summary>When the response target passed unacknowledged and the next step was called in; null while it has not.</summary>
    public Instant? ResponseTargetMissedAt { get; private set; }

    /// <summary>Whether <paramref name="who"/> has standing to acknowledge: called in, a role holder, in the war room, or the open model.</summary>
    public bool MayAcknowledge(ResponderId who, bool inWarRoom, bool openCommands) =>
        openCommands || inWarRoom || IsMember(who) || EscalatedTo.Contains(who.Value, StringComparer.Ordinal);

    /// <summary>Records the first acknowledgement; a later one is refused and changes nothing.</summary>
    public Decision Acknowledge(Acknowledger who, Instant now)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (AcknowledgedAt is not null)
        {
            return Decision.Refuse($"{Id} is already acknowledged");
        }

        if (!IsOpen)
        {
            return Decision.Refuse($"{Id} is {IncidentLifecycle.Word(Status)}; there is nothing left to acknowledge");
        }

        (AcknowledgedAt, AcknowledgedBy, AcknowledgedVia, AcknowledgedName) = (now, who.Actor, who.Source, who.Name);
        var text = who.IsSlackUser ? "Acknowledged" : $"Acknowledged in {who.Source}{(who.Name.Length > 0 ? " by " + who.Name : "")}";
        var entry = new TimelineEntry(now, TimelineKind.Acknowledged, who.Actor, text);
        Recorded.Add(entry);
        return Decision.Apply(new Acknowledged(who), entry);
    }

    /// <summary>
    /// When the response target <paramref name="target"/> (counted from the declaration) falls due; null once
    /// acknowledged, once it fired, for a drill, while the matrix pauses, when the severity has no target, or when it
    /// passed while the matrix was paused (like the steps, it does not fire late after a resume).
    /// </summary>
    public Instant? ResponseTargetDue(Instant? target) =>
        target is { } due && AcknowledgedAt is null && ResponseTargetMissedAt is null && IsEscalating && !IsDrill && !(due <= EscalationResumedAt) ? due : null;

    /// <summary>
    /// The response target <paramref name="target"/> passed unacknowledged: fires the steps of <paramref name="plan"/>
    /// already due, then calls in the next one early. Empty when it is not due, or nobody new is left to call; it fires once.
    /// </summary>
    public IReadOnlyList<EscalationCall> MissResponseTarget(IReadOnlyList<EscalationStep> plan, Instant? target, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (ResponseTargetDue(target) is not { } due || due > now)
        {
            return [];
        }

        ResponseTargetMissedAt = now;
        var fired = EscalateDue(plan, by, now).ToList();
        var done = StepsDoneIn(Severity);
        while (done < plan.Count)
        {
            done++;
            if (Uncalled(plan[done - 1]) is not var (targets, page))
            {
                continue;
            }

            var minutes = (long)(due - DeclaredAt).TotalMinutes;
            var span = minutes < 120 ? $"{minutes} min" : $"{minutes / 60} h";
            var entry = Called(targets, page, by, now, $"Nobody acknowledged within the {Severity} response target ({span}): escalation step {done} called in early");
            fired.Add(new EscalationCall(done, targets, page, entry));
            break;
        }

        (EscalationPlan, EscalationStepsDone) = (Severity, done);
        return fired;
    }
}
