using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Alerts;
using IncidentBot.Tests.Integration;

namespace IncidentBot.Tests.Alerts;

/// <summary>Sends alert webhooks to the real host as PagerDuty, Opsgenie and Alertmanager would: signed, or with their token.</summary>
internal static class AlertHost
{
    public const string PagerDutySecret = "pd-webhook-secret-9f8e7d";
    public const string OpsgenieToken = "og-shared-token-1a2b3c";
    public const string AlertmanagerToken = "am-bearer-token-4d5e6f";

    public static Dictionary<string, string?> Settings(bool autoDeclare = true) => new()
    {
        ["Alerts:PagerDutySecret"] = PagerDutySecret,
        ["Alerts:OpsgenieToken"] = OpsgenieToken,
        ["Alerts:AlertmanagerToken"] = AlertmanagerToken,
        ["Alerts:AutoDeclare"] = autoDeclare ? "true" : "false",
        ["Alerts:DefaultSeverity"] = "SEV-3",
        ["Alerts:Routes:0:Source"] = "pagerduty",
        ["Alerts:Routes:0:Service"] = "checkout-api",
        ["Alerts:Routes:0:Priority"] = "P1",
        ["Alerts:Routes:0:Severity"] = "SEV-2",
        ["Alerts:Routes:1:Labels:severity"] = "critical",
        ["Alerts:Routes:1:Level"] = "1",
    };

    /// <summary>PagerDuty's body, signed with <paramref name="signature"/> (null: the right one; "" sends no header).</summary>
    public static async Task<HttpResponseMessage> PagerDutyAsync(BotHost bot, string body, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/pagerduty") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signature ??= PagerDutyWebhook.Sign(PagerDutySecret, Encoding.UTF8.GetBytes(body));
        if (signature.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(PagerDutyWebhook.SignatureHeader, signature);
        }

        return await bot.Unsigned.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> AlertmanagerAsync(BotHost bot, string body, string? token = AlertmanagerToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/alertmanager") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await bot.Unsigned.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> OpsgenieAsync(BotHost bot, string body, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/opsgenie") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = authorization;
        return await bot.Unsigned.SendAsync(request);
    }

    public static string Fixture(string name) => Tests.Fixture.Text("alerts/" + name);

    /// <summary>A fixture with <paramref name="edit"/> applied to its JSON.</summary>
    public static string Fixture(string name, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(Fixture(name))!.AsObject();
        edit(json);
        return json.ToJsonString();
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
