using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Incidents;

/// <summary>
/// One incident and its rules. Every change is a method that takes who and when, and returns a
/// <see cref="Decision"/>: the timeline entries it added, or a refusal that leaves the incident as it was.
/// No I/O happens here.
/// </summary>
public sealed partial class Incident
{
    private static readonly InstantPattern UtcMinute = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'");

    public IncidentId Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Severity { get; private set; } = "";

    public IncidentStatus Status { get; private set; }

    public string Impact { get; private set; } = "";

    public bool IsPrivate { get; private set; }

    public ResponderId Reporter { get; private set; }

    /// <summary>Where the incident was declared from, for answers that belong there.</summary>
    public string OriginChannel { get; private set; } = "";

    public List<RoleAssignment> Roles { get; private set; } = [];

    /// <summary>Everyone the bot invited to the war room: the reporter, every role holder, and whoever it called in (see <see cref="AddResponders"/>).</summary>
    public List<ResponderId> Responders { get; private set; } = [];

    /// <summary>A practice incident: its messages say DRILL, it is announced to nobody, and metrics leave it out.</summary>
    public bool IsDrill { get; private set; }

    /// <summary>When users started to feel it, if someone said so; null means at the declaration (see <see cref="ImpactStarted"/>).</summary>
    public Instant? ImpactStartedAt { get; private set; }

    /// <summary>Detected: when it was declared.</summary>
    public Instant DeclaredAt { get; private set; }

    /// <summary>The first time the status was set to identified.</summary>
    public Instant? IdentifiedAt { get; private set; }

    /// <summary>Mitigated: the first time the status was set to monitoring.</summary>
    public Instant? MitigatedAt { get; private set; }

    public Instant LastUpdateAt { get; private set; }

    /// <summary>When the commander owes the next update; null once resolved.</summary>
    public Instant? NextUpdateDue { get; private set; }

    public Instant? ResolvedAt { get; private set; }

    public Instant? ClosedAt { get; private set; }

    public string? Resolution { get; private set; }

    public WarRoom WarRoom { get; private set; } = new();

    /// <summary>The commander turned update reminders off for this incident.</summary>
    public bool RemindersStopped { get; private set; }

    public List<ActionItem> ActionItems { get; private set; } = [];

    /// <summary>How many updates and status-page drafts people wrote on the timeline (see <see cref="IncidentLimits.TimelineEntries"/>).</summary>
    public int TimelineWritten { get; private set; }

    /// <summary>
    /// Timeline entries this copy recorded that are not stored yet. The store appends them to the incident's timeline
    /// (<c>IIncidentStore.Timeline</c>) in the same transaction as the incident and empties the list; the incident
    /// document itself stays small however long the incident runs.
    /// </summary>
    public List<TimelineEntry> Recorded { get; } = [];

    /// <summary>Investigating, identified or monitoring (see <see cref="IncidentLifecycle.IsOpen"/>): the one meaning of open.</summary>
    public bool IsOpen => IncidentLifecycle.IsOpen(Status);

    public ResponderId? Holder(IncidentRole role) => Roles.FirstOrDefault(r => r.Role == role)?.Holder;

    public bool HoldsARole(ResponderId who) => Roles.Any(r => r.Holder == who);

    public bool IsMember(ResponderId who) => Reporter == who || Responders.Contains(who) || HoldsARole(who);

    /// <summary>When impact began: as recorded, or the declaration when nobody said otherwise.</summary>
    public Instant ImpactStarted() => ImpactStartedAt ?? DeclaredAt;

    /// <summary>
    /// Declares an incident: the reporter is commander until someone else takes it. A drill is declared like any
    /// incident; <paramref name="impactStartedAt"/>, when given, may not be after <paramref name="now"/>.
    /// </summary>
    public static Incident Declare(IncidentId id, string title, Severity severity, string impact, bool isPrivate, ResponderId reporter, string originChannel, string warRoomName, Instant now, bool isDrill = false, Instant? impactStartedAt = null)
    {
        ArgumentNullException.ThrowIfNull(severity);
        if (impactStartedAt > now)
        {
            throw new ArgumentOutOfRangeException(nameof(impactStartedAt), "Impact cannot start after the declaration.");
        }

        var incident = new Incident
        {
            Id = id,
            Title = title.Trim(),
            Severity = severity.Name,
            Status = IncidentStatus.Investigating,
            Impact = impact.Trim(),
            IsPrivate = isPrivate,
            Reporter = reporter,
            OriginChannel = originChannel,
            Roles = [new RoleAssignment(IncidentRole.Commander, reporter)],
            Responders = [reporter],
            IsDrill = isDrill,
            ImpactStartedAt = impactStartedAt,
            DeclaredAt = now,
            LastUpdateAt = now,
            NextUpdateDue = now + severity.UpdateInterval,
            WarRoom = new WarRoom { PlannedName = warRoomName },
        };
        incident.Recorded.Add(new TimelineEntry(now, TimelineKind.Declared, reporter, $"Declared {(isDrill ? "a DRILL at " : "")}{severity.Name}: {incident.Title}"));
        return incident;
    }

    public Decision ChangeSeverity(Severity to, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (IncidentLifecycle.IsFinal(Status))
        {
            return Decision.Refuse(IncidentLifecycle.Refusal(Status, Status)!);
        }

        if (string.Equals(to.Name, Severity, StringComparison.OrdinalIgnoreCase))
        {
            return Decision.Refuse($"the incident is already {Severity}");
        }

        var from = Severity;
        Severity = to.Name;
        if (IsOpen)
        {
            // The new cadence counts from the last update; if that is already overdue, the update is due now.
            var due = LastUpdateAt + to.UpdateInterval;
            NextUpdateDue = due < now ? now : due;
        }

        return Record(new TimelineEntry(now, TimelineKind.SeverityChanged, by, $"Severity {from} → {to.Name}"), new SeverityMoved(from, to.Name));
    }

    public Decision ChangeStatus(IncidentStatus to, ResponderId by, Instant now, string? resolution = null)
    {
        var refusal = IncidentLifecycle.Refusal(Status, to);
        if (refusal is not null)
        {
            return Decision.Refuse(refusal);
        }

        var from = Status;
        Status = to;
        AfterMove(from, now);
        if (to == IncidentStatus.Identified)
        {
            IdentifiedAt ??= now;
        }
        else if (to == IncidentStatus.Monitoring)
        {
            MitigatedAt ??= now;
        }

        switch (to)
        {
            case IncidentStatus.Resolved:
                ResolvedAt = now;
                Resolution = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
                NextUpdateDue = null;
                return Record(new TimelineEntry(now, TimelineKind.Resolved, by, Resolution is null ? "Resolved" : $"Resolved: {Resolution}"), new StatusMoved(from, to));
            case IncidentStatus.Closed:
                ClosedAt = now;
                return Record(new TimelineEntry(now, TimelineKind.Closed, by, "Closed"), new StatusMoved(from, to));
            default:
                if (from == IncidentStatus.Resolved)
                {
                    ResolvedAt = null;
                    Resolution = null;
                    LastUpdateAt = now;
                }

                NextUpdateDue ??= now;
                return Record(new TimelineEntry(now, TimelineKind.StatusChanged, by, $"Status {IncidentLifecycle.Word(from)} → {IncidentLifecycle.Word(to)}"), new StatusMoved(from, to));
        }
    }

    public Decision Resolve(string? resolution, ResponderId by, Instant now) => ChangeStatus(IncidentStatus.Resolved, by, now, resolution);

    public Decision Close(ResponderId by, Instant now) => ChangeStatus(IncidentStatus.Closed, by, now);

    /// <summary>A status update to the war room; it is what the update reminder asks for, so it resets the cadence.</summary>
    public Decision PostUpdate(string text, Severity severity, ResponderId by, Instant now)
    {
        ArgumentNullException.ThrowIfNull(severity);
        if (IncidentLifecycle.IsFinal(Status))
        {
            return Decision.Refuse(IncidentLifecycle.Refusal(Status, Status)!);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Decision.Refuse("an update needs text: `/incident update what changed and what comes next`");
        }

        LastUpdateAt = now;
        if (IsOpen)
        {
            NextUpdateDue = now + severity.UpdateInterval;
        }

        TimelineWritten++;
        return Record(new TimelineEntry(now, TimelineKind.Update, by, text.Trim()), new UpdatePosted(text.Trim()));
    }

    public Decision AddActionItem(string text, ResponderId? owner, LocalDate? due, ResponderId by, Instant now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Decision.Refuse("an action item needs text: `/incident action add retry budget to checkout @owner due 2026-12-01`");
        }

        var item = new ActionItem(ActionItems.Count + 1, text.Trim(), owner, due, by, now);
        ActionItems.Add(item);
        return Record(new TimelineEntry(now, TimelineKind.ActionItem, by, $"Action item {item.Number}: {item.Text}"));
    }

    /// <summary>Marks action item <paramref name="number"/> done; it counts towards the action-item completion rate.</summary>
    public Decision CompleteActionItem(int number, ResponderId by, Instant now)
    {
        var index = ActionItems.FindIndex(a => a.Number == number);
        if (index < 0)
        {
            return Decision.Refuse($"{Id} has no action item {number}");
        }

        if (ActionItems[index].DoneAt is not null)
        {
            return Decision.Refuse($"action item {number} is already done");
        }

        ActionItems[index] = ActionItems[index] with { DoneAt = now };
        return Record(new TimelineEntry(now, TimelineKind.ActionItem, by, $"Action item {number} done"));
    }

    /// <summary>Corrects when impact began, e.g. an alert that fired before anyone declared.</summary>
    public Decision StartImpactAt(Instant started, ResponderId by, Instant now)
    {
        if (started > DeclaredAt)
        {
            return Decision.Refuse("impact cannot start after the declaration; give a time before it");
        }

        ImpactStartedAt = started;
        return Record(new TimelineEntry(now, TimelineKind.ImpactStarted, by, "Impact started " + UtcMinute.Format(started)));
    }

    /// <summary>Records a status-page draft the comms team was handed; the text is what customers will read.</summary>
    public Decision DraftStatusPage(string text, ResponderId by, Instant now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Decision.Refuse("a status-page draft needs text");
        }

        TimelineWritten++;
        return Record(new TimelineEntry(now, TimelineKind.StatusPage, by, text.Trim()));
    }

    /// <summary>Records what the bot learnt of the war room in Slack (its id, the declaration's ts).</summary>
    public void UseWarRoom(WarRoom warRoom) => WarRoom = warRoom ?? throw new ArgumentNullException(nameof(warRoom));

    private Decision Record(TimelineEntry entry, IncidentFact? fact = null)
    {
        Recorded.Add(entry);
        return fact is null ? Decision.Apply(entry) : Decision.Apply(fact, entry);
    }
}
