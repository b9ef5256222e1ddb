using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IncidentBot.Alerts;

/// <summary>
/// PagerDuty's v3 webhooks: <c>{"event": {"event_type": "incident.triggered", "data": {"id", "title", "service", ...}}}</c>,
/// signed in <c>X-PagerDuty-Signature</c> with <c>v1=</c> and the hex HMAC-SHA256 of the raw body, keyed with the
/// subscription's secret; during a secret rotation the header carries several signatures, comma-separated.
/// </summary>
public static class PagerDutyWebhook
{
    public const string SignatureHeader = "X-PagerDuty-Signature";

    /// <summary>More than this many signatures in one header is no rotation: the request is refused unread.</summary>
    private const int MaxSignatures = 8;

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>True when one of the header's signatures is the body's, compared in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        var offered = (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (offered.Length is 0 or > MaxSignatures)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var valid = false;
        foreach (var signature in offered)
        {
            valid |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
        }

        return valid;
    }

    /// <summary>The alert the event is, or null when the body is no v3 event (or an incident event without its incident's id).</summary>
    public static Alert? Parse(JsonElement root)
    {
        if (AlertJson.Member(root, "event", JsonValueKind.Object) is not { } ev || AlertJson.Text(ev, "event_type") is not { } type)
        {
            return null;
        }

        var action = type switch
        {
            "incident.triggered" => AlertAction.Trigger,
            "incident.resolved" => AlertAction.Resolve,
            "incident.acknowledged" => AlertAction.Acknowledge,
            _ => AlertAction.Ignore,
        };
        var data = AlertJson.Member(ev, "data", JsonValueKind.Object) ?? default;
        var id = AlertJson.Text(data, "id");
        if (id is null && action is AlertAction.Trigger or AlertAction.Resolve)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AlertJson.Text(data, "urgency") is { } urgency)
        {
            labels["urgency"] = urgency;
        }

        return new Alert(
            AlertSource.PagerDuty,
            action,
            id ?? "",
            AlertJson.Text(data, "title") ?? $"PagerDuty incident {id}",
            AlertJson.Text(data, "service", "summary"),
            AlertJson.Text(data, "priority", "summary"),
            labels,
            AlertJson.Text(data, "html_url"),
            StartedAt: AlertJson.Time(AlertJson.Text(data, "created_at")),
            Responder: AlertJson.Text(ev, "agent", "summary"),
            PageKey: AlertJson.Text(data, "incident_key"));
    }
}
