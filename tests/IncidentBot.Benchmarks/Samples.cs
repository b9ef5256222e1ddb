using IncidentBot.Incidents;
using IncidentBot.Messaging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Benchmarks;

/// <summary>A typical incident and the bot's real templates and severities, shared by the benchmarks' setups.</summary>
internal static class Samples
{
    public static readonly Instant Declared = Instant.FromUtc(2026, 11, 24, 3, 12);

    public static readonly ResponderId Commander = new("U0IC");

    public static readonly SeverityScheme Scheme = new(SeverityScheme.Defaults, "SEV-3");

    public const string UpdateText = "Rolled back the 03:05 deploy; error rate falling, checkout recovering for most EU customers.";

    public static IncidentMessages Messages() => new(
        new MessageRenderer(Options.Create(new MessagingOptions()), TemplateModels.Samples.Select(s => new TemplateSample(s.Key, s.Value))),
        Scheme,
        Options.Create(new IncidentsOptions { Severities = [.. SeverityScheme.Defaults] }));

    /// <summary>A SEV-1 twenty minutes in: roles handed out, war room created and the declaration pinned, two updates posted.</summary>
    public static Incident Incident(IncidentId id)
    {
        var incident = Incidents.Incident.Declare(id, "Checkout returns 500s", Scheme.Find("sev1")!, "EU customers cannot pay", false, Commander, "C0GEN", $"inc-2026-11-24-checkout-returns-500s-{id.Value}", Declared);
        incident.WarRoom.ChannelId = $"C0WAR{id.Value:00000}";
        incident.WarRoom.Name = incident.WarRoom.PlannedName;
        incident.WarRoom.DeclarationTs = "1795489920.000100";
        incident.AssignRole(IncidentRole.TechLead, new ResponderId("U0LEAD"), Commander, Declared + Duration.FromMinutes(1));
        incident.AssignRole(IncidentRole.Scribe, new ResponderId("U0SCRIBE"), Commander, Declared + Duration.FromMinutes(2));
        incident.PostUpdate("Errors started with the 03:05 deploy; rolling back.", Scheme.Find("sev1")!, Commander, Declared + Duration.FromMinutes(5));
        incident.PostUpdate(UpdateText, Scheme.Find("sev1")!, Commander, Declared + Duration.FromMinutes(20));
        return incident;
    }
}
