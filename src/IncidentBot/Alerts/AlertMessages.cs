using IncidentBot.Incidents;
using IncidentBot.Messaging;
using IncidentBot.Slack;
using IncidentBot.Slack.Blocks;
using Scriban.Runtime;

namespace IncidentBot.Alerts;

/// <summary>What people read of alerts: the war room's line for a repeat or a resolve, and the offer to declare (AutoDeclare off).</summary>
public sealed class AlertMessages(MessageRenderer renderer)
{
    public const string NotedTemplate = "alert-noted";
    public const string OfferTemplate = "alert-offer";
    public const string OfferDeclaredTemplate = "alert-offer-declared";
    public const string OfferWithdrawnTemplate = "alert-offer-withdrawn";

    private static readonly Alert SampleAlert = new(
        AlertSource.PagerDuty, AlertAction.Trigger, "PT4KHLK", "The server is on fire.", "My Mail Service", "P1", new Dictionary<string, string>(), "https://subdomain.pagerduty.com/incidents/PT4KHLK", 3);

    public static IReadOnlyDictionary<string, Func<ScriptObject>> Samples { get; } = new Dictionary<string, Func<ScriptObject>>(StringComparer.Ordinal)
    {
        [NotedTemplate] = () => Model(SampleAlert, "fired again", "INC-7", "SEV-2"),
        [OfferTemplate] = () => Model(SampleAlert with { Url = null, Count = 1 }, "fired", "", "SEV-2"),
        [OfferDeclaredTemplate] = () => DeclaredModel(new AlertOffer { Reference = "PagerDuty PT4KHLK", Title = "The server is on fire." }, "INC-7", "SEV-2", new ResponderId("U0ONCALL01")),
        [OfferWithdrawnTemplate] = () => DeclaredModel(new AlertOffer { Reference = "PagerDuty PT4KHLK", Title = "The server is on fire." }, "", "SEV-2", null),
    };

    public RenderedMessage Noted(Incident incident, Alert alert, string what)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return renderer.Render(NotedTemplate, Model(alert, what, incident.Id.ToString(), incident.Severity));
    }

    /// <summary>The offer with its button, whose value is the offer's id (<see cref="AlertOffers"/>).</summary>
    public RenderedMessage Offer(Alert alert, Severity severity, string offerId)
    {
        ArgumentNullException.ThrowIfNull(severity);
        var rendered = renderer.Render(OfferTemplate, Model(alert, "fired", "", severity.Name));
        rendered.Blocks.Add(BlockKit.Actions("alert_offer", BlockKit.Button("Declare incident", AlertOfferHandler.DeclareAction, offerId, "primary")));
        return rendered;
    }

    /// <summary>The offer once someone declared it: by whom, as which incident, and no button left to click.</summary>
    public RenderedMessage OfferDeclared(AlertOffer offer, Incident incident, ResponderId by)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return renderer.Render(OfferDeclaredTemplate, DeclaredModel(offer, incident.Id.ToString(), incident.Severity, by));
    }

    /// <summary>The offer once its alert resolved before anyone declared: nothing to do, and no button left to click.</summary>
    public RenderedMessage OfferWithdrawn(AlertOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return renderer.Render(OfferWithdrawnTemplate, DeclaredModel(offer, "", offer.Severity, null));
    }

    /// <summary>What the timeline says of the alert (plain text; renderers escape it).</summary>
    public static string TimelineText(Alert alert, string what)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var count = alert.Count > 1 ? $" ({alert.Count} alerts)" : "";
        return $"{alert.Reference} {what}{count}: {SlackText.Truncate(alert.Title, 200)}";
    }

    private static ScriptObject Model(Alert alert, string what, string incident, string severity) => new()
    {
        ["alert"] = new ScriptObject
        {
            ["source"] = alert.SourceTitle,
            ["reference"] = SlackText.Escape(alert.Reference),
            ["title"] = SlackText.Escape(SlackText.Truncate(alert.Title, 300)),
            ["url"] = Link(alert.Url),
            ["count"] = alert.Count,
            ["what"] = what,
            ["resolved"] = alert.Action == AlertAction.Resolve,
            ["severity"] = severity,
            ["incident"] = incident,
        },
    };

    private static ScriptObject DeclaredModel(AlertOffer offer, string incident, string severity, ResponderId? by) => new()
    {
        ["offer"] = new ScriptObject
        {
            ["reference"] = SlackText.Escape(offer.Reference),
            ["title"] = SlackText.Escape(SlackText.Truncate(offer.Title, 300)),
            ["incident"] = incident,
            ["severity"] = severity,
            ["by"] = by is { } who ? SlackText.User(who.Value) : "",
        },
    };

    /// <summary>An http(s) address safe inside Slack's <c>&lt;url|text&gt;</c>; anything else is left out.</summary>
    private static string Link(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.AbsoluteUri.Length <= 500
            ? uri.AbsoluteUri.Replace("|", "%7C", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace("&", "&amp;", StringComparison.Ordinal)
            : "";
}
