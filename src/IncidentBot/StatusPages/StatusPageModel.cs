using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using NodaTime;
using NodaTime.Text;
using Scriban.Runtime;

namespace IncidentBot.StatusPages;

/// <summary>
/// What <c>statuspage-*.sbn</c> see: only what customers may read. Plain text, not mrkdwn, because it prefills a text
/// field the comms lead edits; no responder, channel or internal title, only the impact as stated, and times in UTC.
/// </summary>
public static class StatusPageModel
{
    public const int ImpactMax = 500;
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'");

    /// <summary>The template for the incident's status; a closed incident reads as resolved.</summary>
    public static string TemplateName(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var status = IncidentLifecycle.IsFinal(incident.Status) ? IncidentStatus.Resolved : incident.Status;
        return "statuspage-" + IncidentLifecycle.Word(status);
    }

    /// <summary>The customer-facing text for the incident's current status, to prefill the status-page form.</summary>
    public static string Text(MessageRenderer renderer, Incident incident, Severity severity, Instant now)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.RenderText(TemplateName(incident), For(incident, severity, now)).Trim();
    }

    public static ScriptObject For(Incident incident, Severity severity, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(severity);
        var nextUpdate = incident.NextUpdateDue is { } due && due > now ? due : now + severity.UpdateInterval;
        var model = new ScriptObject
        {
            ["impact"] = SlackText.Truncate(incident.Impact.ReplaceLineEndings(" "), ImpactMax),
            ["started_at"] = Utc.Format(incident.ImpactStarted()),
            ["next_update"] = Utc.Format(nextUpdate),
            ["resolved_at"] = incident.ResolvedAt is { } resolved ? Utc.Format(resolved) : "",
            ["duration"] = SlackText.Duration((incident.ResolvedAt ?? now) - incident.ImpactStarted()),
        };
        return new ScriptObject { ["statuspage"] = model };
    }

    /// <summary>A model every status-page template must render at start-up.</summary>
    public static ScriptObject Sample()
    {
        var declared = Instant.FromUtc(2026, 11, 24, 3, 12);
        var severity = new Severity("SEV-1", ["p0"], "Critical", Duration.FromMinutes(15), true, 0);
        var incident = Incident.Declare(new IncidentId(7), "Checkout returns 500s", severity, "Some customers cannot pay", false, new ResponderId("UREPORTER"), "CGENERAL", "inc-checkout", declared);
        incident.Resolve("Rolled back", new ResponderId("UREPORTER"), declared + Duration.FromMinutes(42));
        return For(incident, severity, declared + Duration.FromHours(1));
    }
}
