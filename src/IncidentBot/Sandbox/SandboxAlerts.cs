using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Alerts;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Sandbox;

/// <summary>
/// The sandbox page's "Fire a sample PagerDuty alert": a v3 <c>incident.triggered</c> webhook, signed with this run's
/// secret and sent to the bot's own <c>/alerts/pagerduty</c>, as PagerDuty would. Its PagerDuty incident is the same each
/// time, so a second click joins the incident the first declared.
/// </summary>
internal static class SandboxAlerts
{
    public static async Task<IResult> FireAsync(HttpRequest request, SandboxSession session, IOptions<AlertsOptions> alerts, IHttpClientFactory clients, IClock clock)
    {
        // Only the page, which sends JSON: another site cannot post JSON here without a CORS preflight.
        if (!request.HasJsonContentType())
        {
            return Results.BadRequest();
        }

        var body = Sample(clock.GetCurrentInstant()).ToJsonString();
        using var client = clients.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(session.BaseUrl, "alerts/pagerduty")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add(PagerDutyWebhook.SignatureHeader, PagerDutyWebhook.Sign(alerts.Value.PagerDutySecret, Encoding.UTF8.GetBytes(body)));
        using var response = await client.SendAsync(message, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Content(answer, "application/json", Encoding.UTF8, (int)response.StatusCode);
    }

    private static JsonObject Sample(Instant now)
    {
        var at = InstantPattern.ExtendedIso.Format(now);
        return new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["event_type"] = "incident.triggered",
                ["resource_type"] = "incident",
                ["occurred_at"] = at,
                ["client"] = new JsonObject { ["name"] = "PagerDuty" },
                ["data"] = new JsonObject
                {
                    ["id"] = "PSANDBOX",
                    ["type"] = "incident",
                    ["html_url"] = "https://example.pagerduty.com/incidents/PSANDBOX",
                    ["number"] = 1,
                    ["status"] = "triggered",
                    ["created_at"] = at,
                    ["title"] = "Checkout API error rate above 5% (sample alert)",
                    ["service"] = new JsonObject { ["id"] = "PSERVICE", ["summary"] = "checkout-api", ["type"] = "service_reference" },
                    ["priority"] = new JsonObject { ["id"] = "PPRIO1", ["summary"] = "P1", ["type"] = "priority_reference" },
                    ["urgency"] = "high",
                },
            },
        };
    }
}
