using IncidentBot.Incidents;
using NodaTime;
using Scriban.Runtime;

namespace IncidentBot.Announcements;

/// <summary>The announcement's templates with the sample models they are checked against at start-up: open and overdue, resolved, closed.</summary>
public static class AnnouncementTemplates
{
    private static readonly Severity SampleSeverity = new("SEV-1", ["p0"], "Critical", Duration.FromMinutes(15), true, 0);

    private static readonly Instant SampleNow = Instant.FromUtc(2026, 11, 24, 3, 12);

    private static readonly ResponderId Reporter = new("UREPORTER");

    private static readonly string[] LineKinds = ["update", "severity", "status", "commander", "resolved", "closed", "cancelled", "acknowledged"];

    public static IEnumerable<ScriptObject> Announcements() =>
        [.. Incidents().Select(i => AnnouncementMessages.Model(i, SampleSeverity, Duration.FromHours(48), archiveOnClose: true, SampleNow + Duration.FromHours(1)))];

    public static IEnumerable<ScriptObject> Lines() =>
        from incident in Incidents()
        from kind in LineKinds
        let model = AnnouncementMessages.Model(incident, SampleSeverity, Duration.FromHours(48), archiveOnClose: true, SampleNow)
        select With(model, AnnouncementMessages.Line(kind, Reporter.Value, "SEV-2", kind == "commander" ? "" : "SEV-1", "Rolled back the deploy.", raised: true));

    private static ScriptObject With(ScriptObject model, ScriptObject line)
    {
        model["line"] = line;
        return model;
    }

    private static IEnumerable<Incident> Incidents()
    {
        Incident Declare() => Incident.Declare(new IncidentId(7), "Checkout returns 500s", SampleSeverity, "EU customers cannot pay", false, Reporter, "CGENERAL", "inc-2026-11-24-checkout-returns-500s", SampleNow);
        yield return Declare();
        var resolved = Declare();
        resolved.Resolve("Rolled back", Reporter, SampleNow + Duration.FromMinutes(42));
        yield return resolved;
        var closed = Declare();
        closed.Resolve(null, Reporter, SampleNow + Duration.FromMinutes(42));
        closed.Close(Reporter, SampleNow + Duration.FromMinutes(50));
        yield return closed;
    }
}
