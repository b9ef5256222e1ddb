using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using Microsoft.Extensions.Options;
using NodaTime;
using Scriban.Runtime;

namespace IncidentBot.Acknowledgements;

/// <summary>The war room's line when someone acknowledges (<c>acknowledged.sbn</c>).</summary>
public sealed class AcknowledgementMessages(MessageRenderer renderer, SeverityScheme scheme, IOptions<IncidentsOptions> options)
{
    public const string TemplateName = "acknowledged";

    public static IReadOnlyDictionary<string, Func<ScriptObject>> Samples { get; } = new Dictionary<string, Func<ScriptObject>>(StringComparer.Ordinal)
    {
        [TemplateName] = Sample,
    };

    public RenderedMessage Acknowledged(Incident incident, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return renderer.Render(TemplateName, Model(TemplateModels.ForIncident(incident, scheme.Named(incident.Severity), Duration.FromTimeSpan(options.Value.PostmortemDue), now), incident));
    }

    private static ScriptObject Model(ScriptObject model, Incident incident)
    {
        model["who"] = AcknowledgementRules.Who(incident);
        model["after"] = SlackText.Duration(AcknowledgementRules.After(incident));
        return model;
    }

    private static ScriptObject Sample()
    {
        var scheme = new SeverityScheme(SeverityScheme.Defaults, "SEV-3");
        var declared = Instant.FromUtc(2026, 11, 30, 3, 9);
        var incident = Incident.Declare(new IncidentId(1), "Checkout returns 500s", scheme.Levels[0], "", false, new ResponderId("UREPORTER"), "CGENERAL", "inc-checkout", declared);
        incident.Acknowledge(Acknowledger.InSlack(new ResponderId("UONCALL")), declared + Duration.FromMinutes(3));
        return Model(TemplateModels.ForIncident(incident, scheme.Levels[0], Duration.FromHours(48), declared + Duration.FromMinutes(3)), incident);
    }
}
