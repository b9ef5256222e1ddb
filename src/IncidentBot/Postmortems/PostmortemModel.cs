using IncidentBot.Incidents;
using IncidentBot.People;
using IncidentBot.Slack;
using NodaTime;
using Scriban.Runtime;

namespace IncidentBot.Postmortems;

/// <summary>
/// What <c>postmortem.md.sbn</c> sees, with snake_case names. User text is made safe for Markdown here, once
/// (<see cref="MarkdownText.Cell(string, PersonNames)"/> in tables, <see cref="MarkdownText.Inline(string, PersonNames)"/> elsewhere); times are UTC; a value the
/// incident does not have yet is an empty string, for the template to word. People are named by their handles
/// (<c>@alice</c>), looked up beforehand (<see cref="People"/>), or by their id when the lookup failed.
/// </summary>
public static class PostmortemModel
{
    private static readonly Instant SampleDeclared = Instant.FromUtc(2026, 11, 24, 3, 12);
    private static readonly Severity SampleSeverity = new("SEV-1", ["p0"], "Critical", Duration.FromMinutes(15), true, 0);

    public static ScriptObject For(Incident incident, Severity severity, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ScribeNote> notes, Duration postmortemDue, Instant now, PersonNames names)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(severity);
        ArgumentNullException.ThrowIfNull(notes);
        var metrics = PostmortemMetrics.Measure(incident, timeline, notes);
        string Role(IncidentRole role) => incident.Holder(role) is { } holder ? MarkdownText.User(holder, names) : "";
        string Time(Instant? at) => at is { } t ? MarkdownText.Time(t) : "";
        string Span(Duration? d) => d is { } span ? SlackText.Duration(span) : "";
        var model = new ScriptObject
        {
            ["id"] = incident.Id.ToString(),
            ["title"] = MarkdownText.Inline(incident.Title, names),
            ["severity"] = severity.Name,
            ["severity_description"] = MarkdownText.Cell(severity.Description),
            ["status"] = IncidentLifecycle.Word(incident.Status),
            ["is_private"] = incident.IsPrivate,
            ["impact"] = MarkdownText.Inline(incident.Impact, names),
            ["resolution"] = MarkdownText.Inline(incident.Resolution ?? "", names),
            ["reporter"] = MarkdownText.User(incident.Reporter, names),
            ["commander"] = Role(IncidentRole.Commander),
            ["tech_lead"] = Role(IncidentRole.TechLead),
            ["comms_lead"] = Role(IncidentRole.CommsLead),
            ["scribe"] = Role(IncidentRole.Scribe),
            ["war_room"] = "#" + MarkdownText.Cell(incident.WarRoom.Name ?? incident.WarRoom.PlannedName),
            ["declared_at"] = Time(incident.DeclaredAt),
            ["resolved_at"] = Time(incident.ResolvedAt),
            ["closed_at"] = Time(incident.ClosedAt),
            ["duration"] = Span((incident.ResolvedAt ?? now) - incident.DeclaredAt),
            ["postmortem_required"] = severity.PostmortemRequired,
            ["postmortem_due"] = Time(incident.ResolvedAt + postmortemDue),
        };
        return new ScriptObject
        {
            ["incident"] = model,
            ["metrics"] = Metrics(metrics),
            ["timeline"] = Timeline(TimelineLine.Merge(timeline, notes), names),
            ["action_items"] = ActionItems(incident.ActionItems, names),
            ["generated_at"] = MarkdownText.Time(now),
        };
    }

    /// <summary>Everyone the draft names: reporter, role holders, who acted or wrote on the timeline, action items' people, and mentions.</summary>
    public static IEnumerable<string> People(Incident incident, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ScribeNote> notes)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var lines = TimelineLine.Merge(timeline, notes);
        return new[] { incident.Reporter }
            .Concat(incident.Roles.Select(r => r.Holder))
            .Concat(lines.Select(l => l.Author ?? l.Actor))
            .Concat(lines.SelectMany(l => l.From.Concat(l.To)).Where(p => p.Kind == TimelinePartyKind.Person).Select(p => new ResponderId(p.Id)))
            .Concat(incident.ActionItems.SelectMany(a => a.Owner is { } owner ? [owner, a.AddedBy] : new[] { a.AddedBy }))
            .Select(p => p.Value)
            .Concat(new[] { incident.Title, incident.Impact, incident.Resolution ?? "" }
                .Concat(lines.Select(l => l.Text))
                .Concat(incident.ActionItems.Select(a => a.Text))
                .SelectMany(PersonNames.Mentioned));
    }

    /// <summary>Models the template must render at start-up: a resolved incident with everything, and a new one with nothing.</summary>
    public static IEnumerable<ScriptObject> Samples()
    {
        var reporter = new ResponderId("UREPORTER");
        var full = Incident.Declare(new IncidentId(7), "Checkout returns 500s", SampleSeverity, "EU customers cannot pay", true, reporter, "CGENERAL", "inc-2026-11-24-checkout", SampleDeclared);
        full.ChangeStatus(IncidentStatus.Identified, reporter, SampleDeclared + Duration.FromMinutes(10));
        full.AddActionItem("Alert on 5xx rate", reporter, new LocalDate(2026, 12, 1), reporter, SampleDeclared + Duration.FromMinutes(20));
        full.Resolve("Rolled back", reporter, SampleDeclared + Duration.FromMinutes(42));
        full.Close(reporter, SampleDeclared + Duration.FromHours(2));
        var note = new ScribeNote { IncidentId = new IncidentId(7), Author = new ResponderId("UOPS"), Text = "Alert fired", WrittenAt = SampleDeclared - Duration.FromMinutes(4), AddedBy = new ResponderId("USCRIBE"), Permalink = "https://example.slack.com/archives/C1/p1" };
        yield return For(full, SampleSeverity, full.Recorded, [note], Duration.FromHours(48), SampleDeclared + Duration.FromHours(3), PersonNames.None);
        var fresh = Incident.Declare(new IncidentId(8), "Login slow", SampleSeverity with { PostmortemRequired = false }, "", false, reporter, "CGENERAL", "inc-2026-11-24-login", SampleDeclared);
        yield return For(fresh, SampleSeverity with { PostmortemRequired = false }, fresh.Recorded, [], Duration.FromHours(48), SampleDeclared, PersonNames.None);
    }

    private static ScriptObject Metrics(PostmortemMetrics metrics) => new()
    {
        ["first_signal_at"] = MarkdownText.Time(metrics.FirstSignal),
        ["time_to_declare"] = SlackText.Duration(metrics.TimeToDeclare),
        ["identified_at"] = metrics.IdentifiedAt is { } identified ? MarkdownText.Time(identified) : "",
        ["time_to_identified"] = metrics.TimeToIdentified is { } toIdentified ? SlackText.Duration(toIdentified) : "",
        ["resolved_at"] = metrics.ResolvedAt is { } resolved ? MarkdownText.Time(resolved) : "",
        ["time_to_resolve"] = metrics.TimeToResolve is { } toResolve ? SlackText.Duration(toResolve) : "",
    };

    private static ScriptArray Timeline(IEnumerable<TimelineLine> lines, PersonNames names)
    {
        var rows = new ScriptArray();
        foreach (var line in lines)
        {
            var text = line.Describe(plain => MarkdownText.Cell(plain, names), party => MarkdownText.Party(party, names));
            rows.Add(new ScriptObject
            {
                ["at"] = MarkdownText.Time(line.At),
                ["kind"] = KindWord(line.Kind),
                ["by"] = MarkdownText.User(line.Author ?? line.Actor, names),
                ["text"] = line.Permalink is { } link ? $"{text} ({MarkdownText.Link("message", link)})" : text,
            });
        }

        return rows;
    }

    private static ScriptArray ActionItems(IEnumerable<ActionItem> items, PersonNames names)
    {
        var rows = new ScriptArray();
        foreach (var item in items)
        {
            rows.Add(new ScriptObject
            {
                ["number"] = item.Number,
                ["text"] = MarkdownText.Cell(item.Text, names),
                ["owner"] = item.Owner is { } owner ? MarkdownText.User(owner, names) : "",
                ["due"] = item.Due is { } due ? NodaTime.Text.LocalDatePattern.Iso.Format(due) : "",
                ["added_by"] = MarkdownText.User(item.AddedBy, names),
            });
        }

        return rows;
    }

    private static string KindWord(TimelineKind kind) => kind switch
    {
        TimelineKind.SeverityChanged => "Severity",
        TimelineKind.RoleAssigned => "Role",
        TimelineKind.StatusChanged => "Status",
        TimelineKind.ActionItem => "Action item",
        TimelineKind.ImpactStarted => "Impact start",
        TimelineKind.StatusPage => "Status page",
        _ => kind.ToString(),
    };
}
