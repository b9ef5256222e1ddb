using IncidentBot.Incidents;
using IncidentBot.Slack;
using NodaTime;
using Scriban.Runtime;

namespace IncidentBot.Messaging;

/// <summary>
/// The models the templates see, with snake_case names. User text is cut to a sane length and escaped here,
/// once, so no template can forget to; times are Slack date tokens, so every reader sees their own zone.
/// </summary>
public static class TemplateModels
{
    public const int TitleMax = 250;
    public const int ImpactMax = 1000;
    public const int TextMax = 2500;

    private static readonly Severity SampleSeverity = new("SEV-1", ["p0"], "Critical", Duration.FromMinutes(15), true, 0);

    /// <summary>Each template by name, with a sample model it must render against at start-up.</summary>
    public static IReadOnlyDictionary<string, Func<ScriptObject>> Samples { get; } = new Dictionary<string, Func<ScriptObject>>(StringComparer.Ordinal)
    {
        ["declaration"] = () => Call(ForIncident(SampleIncident(), SampleSeverity, Duration.FromHours(48), SampleNow), new Uri("https://meet.example.com/inc-7")),
        ["severity-changed"] = () => SeverityChange(Sample(), "UREPORTER", "SEV-2", "SEV-1", raised: true),
        ["role-assigned"] = () => Role(Sample(), "UREPORTER", new RoleChanged(IncidentRole.TechLead, new ResponderId("UOLD"), new ResponderId("ULEAD"))),
        ["status-changed"] = () => Change(Sample(), "UREPORTER", "investigating", "identified"),
        ["update"] = () => Update(Sample(), "UREPORTER", "Rolled back the deploy."),
        ["resolved"] = () => Actor(Sample(), "UREPORTER"),
        ["closed"] = () => Closed(Sample(), "UREPORTER", archived: true),
        ["cancelled"] = () => Cancelled(Sample(), "UREPORTER", "Declared by mistake", archived: true),
        ["help"] = () => Help(new SeverityScheme(SeverityScheme.Defaults, "SEV-3"), "/incident"),
        ["list"] = () => List([ListItem(SampleIncident(), SampleNow)], [ListItem(SampleIncident(), SampleNow)]),
        ["timeline"] = () => Timeline(Sample(), [new TimelineLine(SampleNow, TimelineKind.Note, new ResponderId("USCRIBE"), "DB CPU at 100%", new ResponderId("UENG"), "https://example.slack.com/archives/C1/p1")], 0),
        ["reminder"] = Sample,
        ["reminder-done"] = () => Update(Sample(), "UREPORTER", "snoozed reminders for 30 min"),
        ["escalation"] = () => Escalation(Sample(), SampleEscalation, null),
        ["escalation-notice"] = () => Escalation(Sample(), SampleEscalation, "UREPORTER"),
        ["statuspage-draft"] = () => StatusPage(Sample(), "UREPORTER", "Resolved: checkout works again.", "resolved"),
    };

    private static EscalationCall SampleEscalation =>
        new(2, ["@vp-engineering", "U0VPENG", "S0ONCALL"], "payments", new TimelineEntry(SampleNow, TimelineKind.Escalated, new ResponderId("UREPORTER"), "Escalated"));

    private static Instant SampleNow => Instant.FromUtc(2026, 11, 24, 3, 12);

    public static ScriptObject ForIncident(Incident incident, Severity severity, Duration postmortemDue, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(severity);
        string Role(IncidentRole role) => incident.Holder(role) is { } h ? SlackText.User(h.Value) : "_unassigned_";
        var end = incident.ResolvedAt ?? now;
        var model = new ScriptObject
        {
            ["id"] = incident.Id.ToString(),
            ["title"] = SlackText.Escape(SlackText.Truncate(incident.Title, TitleMax)),
            ["severity"] = severity.Name,
            ["severity_description"] = SlackText.Escape(severity.Description),
            ["update_interval"] = SlackText.Duration(severity.UpdateInterval),
            ["status"] = IncidentLifecycle.Word(incident.Status),
            ["impact"] = incident.Impact.Length == 0 ? "_not stated yet_" : SlackText.Escape(SlackText.Truncate(incident.Impact, ImpactMax)),
            ["is_private"] = incident.IsPrivate,
            ["drill"] = incident.IsDrill,
            ["reporter"] = Person(incident.Reporter),
            ["commander"] = Role(IncidentRole.Commander),
            ["has_commander"] = incident.Holder(IncidentRole.Commander) is not null,
            ["tech_lead"] = Role(IncidentRole.TechLead),
            ["comms_lead"] = Role(IncidentRole.CommsLead),
            ["has_comms_lead"] = incident.Holder(IncidentRole.CommsLead) is not null,
            ["scribe"] = Role(IncidentRole.Scribe),
            ["declared_at"] = SlackText.Date(incident.DeclaredAt),
            ["next_update_due"] = incident.NextUpdateDue is { } due ? SlackText.Date(due) : "",
            ["war_room"] = incident.WarRoom.ChannelId is { } c ? SlackText.Channel(c) : "#" + incident.WarRoom.PlannedName,
            ["duration"] = SlackText.Duration(end - incident.DeclaredAt),
            ["resolved_at"] = incident.ResolvedAt is { } r ? SlackText.Date(r) : "",
            ["resolution"] = incident.Resolution is { } res ? SlackText.Escape(SlackText.Truncate(res, TextMax)) : "",
            ["postmortem_required"] = severity.PostmortemRequired,
            ["postmortem_due"] = incident.ResolvedAt is { } resolved ? SlackText.Date(resolved + postmortemDue) : "",
        };
        return new ScriptObject { ["incident"] = model };
    }

    /// <summary>The incident's call link (<c>call</c>), empty when none is configured.</summary>
    public static ScriptObject Call(ScriptObject model, Uri? call)
    {
        ArgumentNullException.ThrowIfNull(model);
        model["call"] = call is null ? "" : SlackText.Escape(call.AbsoluteUri);
        return model;
    }

    public static ScriptObject Actor(ScriptObject model, string actor)
    {
        ArgumentNullException.ThrowIfNull(model);
        model["actor"] = SlackText.User(actor);
        return model;
    }

    public static ScriptObject Change(ScriptObject model, string actor, string from, string to)
    {
        Actor(model, actor);
        model["from"] = from;
        model["to"] = to;
        return model;
    }

    /// <summary>A severity moved: <c>raised</c> says it is more severe now than it was, so the war room sees which way it went.</summary>
    public static ScriptObject SeverityChange(ScriptObject model, string actor, string from, string to, bool raised)
    {
        Change(model, actor, from, to);
        model["raised"] = raised;
        return model;
    }

    /// <summary>A role handed over, given or cleared: <c>holder</c> and <c>previous</c> are empty where nobody is.</summary>
    public static ScriptObject Role(ScriptObject model, string actor, RoleChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Actor(model, actor);
        model["role"] = RoleNames.Title(change.Role);
        model["holder"] = change.To is { } to ? SlackText.User(to.Value) : "";
        model["previous"] = change.From is { } from ? SlackText.User(from.Value) : "";
        return model;
    }

    public static ScriptObject Update(ScriptObject model, string actor, string text)
    {
        Actor(model, actor);
        model["text"] = SlackText.Escape(SlackText.Truncate(text, TextMax));
        return model;
    }

    /// <summary>A status-page draft as handed to the comms team: <paramref name="text"/> is escaped here.</summary>
    public static ScriptObject StatusPage(ScriptObject model, string actor, string text, string status)
    {
        Update(model, actor, text);
        model["status"] = status;
        return model;
    }

    public static ScriptObject Closed(ScriptObject model, string actor, bool archived)
    {
        Actor(model, actor);
        model["archived"] = archived;
        return model;
    }

    /// <summary>A cancellation: <paramref name="reason"/> is escaped here; <c>archived</c> whether the war room goes with it.</summary>
    public static ScriptObject Cancelled(ScriptObject model, string actor, string reason, bool archived)
    {
        Update(model, actor, reason);
        model["archived"] = archived;
        return model;
    }

    /// <summary>
    /// An escalation: <c>whom</c> mentions everyone called in (handles stay as typed, for Slack to link), <c>step</c> is
    /// its number in the matrix (0 by hand), <c>actor</c> who escalated by hand (empty for the matrix).
    /// </summary>
    public static ScriptObject Escalation(ScriptObject model, EscalationCall escalation, string? actor)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(escalation);
        // Posted with link_names so the matrix's handles link: user text must not become a mention there.
        if (model["incident"] is ScriptObject incident)
        {
            foreach (var field in (string[])["title", "impact", "resolution"])
            {
                incident[field] = SlackText.Defuse(incident[field] as string ?? "");
            }

            // A war room not created yet is named by its planned name, made from the title: a private one's stays unsaid.
            if (incident["is_private"] is true && incident["war_room"] is string room && room.StartsWith('#'))
            {
                incident["war_room"] = "its private war room";
            }
        }

        model["whom"] = string.Join(" ", escalation.Targets.Select(SlackText.Mention));
        model["page"] = escalation.Page is { } page ? SlackText.Escape(page) : "";
        model["step"] = escalation.Step ?? 0;
        model["actor"] = actor is null ? "" : SlackText.User(actor);
        return model;
    }

    public static ScriptObject Help(SeverityScheme scheme, string command, string scribeReaction = "memo")
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var levels = new ScriptArray();
        foreach (var level in scheme.Levels)
        {
            levels.Add(new ScriptObject
            {
                ["name"] = level.Name,
                ["aliases"] = string.Join(", ", level.Aliases),
                ["description"] = SlackText.Escape(level.Description),
                ["update_interval"] = SlackText.Duration(level.UpdateInterval),
                ["postmortem_required"] = level.PostmortemRequired,
            });
        }

        return new ScriptObject
        {
            ["command"] = command,
            ["severities"] = levels,
            ["default_severity"] = scheme.Default.Name,
            ["example_severity"] = scheme.Example,
            ["scribe_reaction"] = scribeReaction,
        };
    }

    public static ScriptObject ListItem(Incident incident, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new ScriptObject
        {
            ["id"] = incident.Id.ToString(),
            ["title"] = SlackText.Escape(SlackText.Truncate(incident.Title, 80)),
            ["severity"] = incident.Severity,
            ["status"] = IncidentLifecycle.Word(incident.Status),
            ["age"] = SlackText.Duration(now - incident.DeclaredAt),
            ["commander"] = incident.Holder(IncidentRole.Commander) is { } c ? SlackText.User(c.Value) : "_none_",
            ["war_room"] = incident.WarRoom.ChannelId is { } id ? SlackText.Channel(id) : "_being created_",
            ["is_private"] = incident.IsPrivate,
            ["drill"] = incident.IsDrill,
        };
    }

    /// <summary>The list: <paramref name="open"/> incidents, and apart from them those <paramref name="awaitingClose"/>.</summary>
    public static ScriptObject List(IEnumerable<ScriptObject> open, IEnumerable<ScriptObject> awaitingClose)
    {
        var array = new ScriptArray(open);
        var awaiting = new ScriptArray(awaitingClose);
        return new ScriptObject { ["incidents"] = array, ["count"] = array.Count, ["awaiting"] = awaiting, ["awaiting_count"] = awaiting.Count };
    }

    public static ScriptObject Timeline(ScriptObject model, IEnumerable<TimelineLine> lines, int earlier)
    {
        ArgumentNullException.ThrowIfNull(model);
        var array = new ScriptArray();
        foreach (var line in lines)
        {
            var kind = KindLabel(line.Kind);
            array.Add(new ScriptObject
            {
                ["at"] = SlackText.Date(line.At),
                ["kind"] = kind,
                ["actor"] = Person(line.Actor),
                ["author"] = line.Author is { } author ? SlackText.User(author.Value) : "",
                ["text"] = AfterLabel(SlackTimelineText.Line(line, 300), kind),
                ["permalink"] = line.Permalink ?? "",
            });
        }

        model["lines"] = array;
        model["earlier"] = earlier;
        return model;
    }

    /// <summary>A person as a mention; the bot's own actor (an alert's declaration, say) by its name, as it is no Slack user.</summary>
    private static string Person(ResponderId who) => who.Value is ['U' or 'W', ..] ? SlackText.User(who.Value) : SlackText.Escape(who.Value);

    public static string KindLabel(TimelineKind kind) => kind switch
    {
        TimelineKind.SeverityChanged => "Severity",
        TimelineKind.RoleAssigned => "Role",
        TimelineKind.StatusChanged => "Status",
        TimelineKind.ActionItem => "Action item",
        TimelineKind.ImpactStarted => "Impact started",
        TimelineKind.StatusPage => "Status page",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The entry's text without the kind its label already names: entries are stored as whole sentences ("Severity SEV-2 →
    /// SEV-1", "Declared SEV-2: …", "Closed"), which the timeline would otherwise show as "*Severity* Severity SEV-2 → SEV-1".
    /// </summary>
    private static string AfterLabel(string text, string label)
    {
        if (!text.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var rest = text[label.Length..];
        return rest.Length == 0 ? "" : rest[0] is ':' or ' ' ? rest.TrimStart(':', ' ') : text;
    }

    private static ScriptObject Sample() => ForIncident(SampleIncident(), SampleSeverity, Duration.FromHours(48), SampleNow);

    private static Incident SampleIncident()
    {
        var incident = Incident.Declare(new IncidentId(7), "Checkout returns 500s", SampleSeverity, "EU customers cannot pay", false, new ResponderId("UREPORTER"), "CGENERAL", "inc-2026-11-24-checkout-returns-500s", SampleNow);
        incident.Resolve("Rolled back", new ResponderId("UREPORTER"), SampleNow + Duration.FromMinutes(42));
        return incident;
    }
}
