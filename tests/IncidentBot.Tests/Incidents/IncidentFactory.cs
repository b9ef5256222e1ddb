using IncidentBot.Incidents;
using NodaTime;

namespace IncidentBot.Tests.Incidents;

internal static class IncidentFactory
{
    public static readonly Severity Sev1 = new("SEV-1", ["p0"], "Critical", Duration.FromMinutes(15), true, 0);
    public static readonly Severity Sev3 = new("SEV-3", ["p2"], "Minor", Duration.FromHours(4), false, 2);

    public static Incident Declare(Instant now, Severity? severity = null) =>
        Incident.Declare(new IncidentId(7), "Checkout returns 500s", severity ?? Sev3, "EU customers", false, new ResponderId("UIC"), "CGENERAL", "inc-2026-11-24-checkout-returns-500s", now);
}
