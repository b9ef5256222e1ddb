using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Incidents;
using IncidentBot.Outbox;
using IncidentBot.Slack;
using Microsoft.Extensions.Options;

namespace IncidentBot.Paging;

/// <summary>
/// Triggers and resolves an incident at a pager service. The incident id (<c>INC-42</c>) is PagerDuty's
/// <c>dedup_key</c> and Opsgenie's <c>alias</c>, so a repeated trigger (a retry, a second page) is one alert there, and the
/// resolution finds it.
/// </summary>
public sealed class PagerClient(HttpClient http, IOptions<PagingOptions> options, SeverityScheme scheme)
{
    /// <summary>Triggers (<paramref name="trigger"/>) or resolves the incident at the service named <paramref name="name"/>.</summary>
    public async Task SendAsync(string name, Incident incident, bool trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var target = "pager " + name;
        if (!options.Value.Services.TryGetValue(name, out var service))
        {
            throw new OutboundException(target, "pager_service_not_configured", isTransient: false);
        }

        using var request = service.Provider == PagerProvider.PagerDuty
            ? PagerDuty(service, incident, trigger)
            : Opsgenie(service, incident, trigger);
        await OutboundException.SendAsync(http, request, target, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage PagerDuty(PagerServiceOptions service, Incident incident, bool trigger)
    {
        var body = new JsonObject
        {
            ["routing_key"] = service.RoutingKey,
            ["event_action"] = trigger ? "trigger" : "resolve",
            ["dedup_key"] = incident.Id.ToString(),
        };
        if (trigger)
        {
            body["payload"] = new JsonObject
            {
                ["summary"] = SlackText.Truncate(Summary(incident), 1024),
                ["source"] = "IncidentBot",
                ["severity"] = Rank(incident) switch { 0 => "critical", 1 => "error", 2 => "warning", _ => "info" },
                ["custom_details"] = Details(incident),
            };
            if (WarRoomLink(incident) is { } link)
            {
                body["links"] = new JsonArray(new JsonObject { ["href"] = link, ["text"] = "War room in Slack" });
            }
        }

        return Post(new Uri(Base(options.Value.PagerDutyUrl), "v2/enqueue"), body, null);
    }

    private HttpRequestMessage Opsgenie(PagerServiceOptions service, Incident incident, bool trigger)
    {
        var auth = new AuthenticationHeaderValue("GenieKey", service.ApiKey);
        var alias = incident.Id.ToString();
        if (!trigger)
        {
            var close = new Uri(Base(options.Value.OpsgenieUrl), $"v2/alerts/{Uri.EscapeDataString(alias)}/close?identifierType=alias");
            return Post(close, new JsonObject { ["source"] = "IncidentBot", ["note"] = $"{alias} resolved" }, auth);
        }

        var body = new JsonObject
        {
            ["message"] = SlackText.Truncate(Summary(incident), 130),
            ["alias"] = alias,
            ["description"] = incident.IsPrivate ? PrivateNote(incident) : SlackText.Truncate(incident.Impact, 15000),
            ["priority"] = "P" + Math.Min(Rank(incident) + 1, 5),
            ["source"] = "IncidentBot",
            ["tags"] = new JsonArray(incident.Severity),
            ["details"] = Details(incident),
        };
        return Post(new Uri(Base(options.Value.OpsgenieUrl), "v2/alerts"), body, auth);
    }

    private static HttpRequestMessage Post(Uri url, JsonObject body, AuthenticationHeaderValue? auth)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = auth;
        return request;
    }

    private static Uri Base(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    /// <summary>
    /// The alert's one line. A private incident's title stays in its war room: the pager (and everyone who can read its
    /// alerts) gets only the id, the severity and the way in.
    /// </summary>
    private static string Summary(Incident incident) =>
        incident.IsPrivate ? $"[{incident.Id}] {incident.Severity}: {PrivateNote(incident)}" : $"[{incident.Id}] {incident.Severity}: {incident.Title}";

    private static string PrivateNote(Incident incident) =>
        WarRoomLink(incident) is { } link ? $"private incident, details in its war room {link}" : "private incident, details in its war room (being created in Slack)";

    /// <summary>Opens the war room in Slack for its members; Slack tells anyone else it is private.</summary>
    private static string? WarRoomLink(Incident incident) =>
        incident.WarRoom.ChannelId is { } id ? "https://slack.com/app_redirect?channel=" + Uri.EscapeDataString(id) : null;

    private int Rank(Incident incident) => scheme.Named(incident.Severity).Rank;

    /// <summary>A private incident's details name no impact and no people: the pager's readers are not its war room.</summary>
    private static JsonObject Details(Incident incident) => incident.IsPrivate
        ? new JsonObject
        {
            ["incident"] = incident.Id.ToString(),
            ["severity"] = incident.Severity,
            ["private"] = true,
            ["war_room"] = WarRoomLink(incident),
        }
        : new JsonObject
        {
            ["incident"] = incident.Id.ToString(),
            ["severity"] = incident.Severity,
            ["impact"] = incident.Impact,
            ["war_room"] = incident.WarRoom.ChannelId,
            ["commander"] = incident.Holder(IncidentRole.Commander)?.Value,
        };
}
