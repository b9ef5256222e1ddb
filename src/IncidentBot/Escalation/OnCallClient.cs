using System.Net.Http.Headers;
using System.Text.Json;
using IncidentBot.Outbox;
using Microsoft.Extensions.Options;

namespace IncidentBot.Escalation;

/// <summary>
/// Asks PagerDuty or Opsgenie who is on call now in a schedule, and answers with their emails (which Slack maps to its
/// users). PagerDuty: <c>GET /oncalls?schedule_ids[]=…&amp;include[]=users&amp;earliest=true</c>; Opsgenie:
/// <c>GET /v2/schedules/{id}/on-calls?flat=true</c>, whose recipients are Opsgenie usernames, which are emails.
/// </summary>
public sealed class OnCallClient(HttpClient http, IOptions<OnCallOptions> options)
{
    /// <summary>The emails of whoever is on call in <paramref name="schedule"/> (<c>pagerduty:…</c> or <c>opsgenie:…</c>); an <see cref="OutboundException"/> says why not.</summary>
    public async Task<IReadOnlyList<string>> OnCallEmailsAsync(string schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var o = options.Value;
        var (provider, id) = schedule.Split(':', 2) is [var p, var i] ? (p, i) : ("", schedule);
        using var request = provider switch
        {
            "pagerduty" when o.PagerDutyApiKey.Length > 0 => Get(o.PagerDutyApiUrl, $"oncalls?schedule_ids[]={Uri.EscapeDataString(id)}&include[]=users&earliest=true", "Token", "token=" + o.PagerDutyApiKey),
            "opsgenie" when o.OpsgenieApiKey.Length > 0 => Get(o.OpsgenieApiUrl, $"v2/schedules/{Uri.EscapeDataString(id)}/on-calls?flat=true", "GenieKey", o.OpsgenieApiKey),
            _ => throw new OutboundException(schedule, "on_call_not_configured", isTransient: false),
        };
        if (provider == "pagerduty")
        {
            request.Headers.Accept.ParseAdd("application/vnd.pagerduty+json;version=2");
        }

        using var document = await ReadAsync(request, schedule, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        IEnumerable<JsonElement> emails = provider == "pagerduty"
            ? Array(root, "oncalls").Select(c => c.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object && user.TryGetProperty("email", out var email) ? email : default)
            : root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Array(data, "onCallRecipients") : [];
        return [.. emails.Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(e => e.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static HttpRequestMessage Get(Uri api, string path, string scheme, string key)
    {
        var baseUrl = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, key);
        return request;
    }

    private static JsonElement[] Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    private async Task<JsonDocument> ReadAsync(HttpRequestMessage request, string target, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new OutboundException(target, "unreachable: " + ex.HttpRequestError, isTransient: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new OutboundException(target, "timeout", isTransient: true);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is < 200 or >= 300)
            {
                throw new OutboundException(target, $"http_{status}", isTransient: status is 408 or 429 or >= 500);
            }

            try
            {
                var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    return await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
                }
            }
            catch (JsonException)
            {
                throw new OutboundException(target, "not_json", isTransient: false);
            }
        }
    }
}
