using System.Text;
using System.Text.Json;

namespace IncidentBot.Alerts;

/// <summary>
/// Opsgenie's outgoing webhook: <c>{"action": "Create", "alert": {"alias", "message", "priority", "tags", "entity", "details"}}</c>.
/// Opsgenie signs nothing, so the integration sends a shared token: as a custom header <c>Authorization: Bearer &lt;token&gt;</c>,
/// or as the password of basic auth (any user name), e.g. <c>https://bot:&lt;token&gt;@bot.example.com/alerts/opsgenie</c>.
/// </summary>
public static class OpsgenieWebhook
{
    private const string Basic = "Basic ";

    public static bool Authorized(string? authorization, string token)
    {
        var header = authorization ?? "";
        if (!header.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            return AlertTokens.Bearer(header, token);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[Basic.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && AlertTokens.Same(decoded[(colon + 1)..], token);
    }

    /// <summary>The alert of the delivery, or null when it is not one (no action, no alert, or no alias or id to key it by).</summary>
    public static Alert? Parse(JsonElement root)
    {
        if (AlertJson.Text(root, "action") is not { } name || AlertJson.Member(root, "alert", JsonValueKind.Object) is not { } alert)
        {
            return null;
        }

        var action = name.ToUpperInvariant() switch
        {
            "CREATE" => AlertAction.Trigger,
            "CLOSE" => AlertAction.Resolve,
            "ACKNOWLEDGE" => AlertAction.Acknowledge,
            _ => AlertAction.Ignore,
        };
        var key = AlertJson.Text(alert, "alias") ?? AlertJson.Text(alert, "alertId");
        if (key is null && action is AlertAction.Trigger or AlertAction.Resolve)
        {
            return null;
        }

        // Details are key/value already; a tag "team:payments" is the label team=payments, any other tag the label tag=true.
        var labels = AlertJson.Strings(AlertJson.Member(alert, "details", JsonValueKind.Object));
        foreach (var tag in AlertJson.Member(alert, "tags", JsonValueKind.Array)?.EnumerateArray() ?? default)
        {
            if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { Length: > 0 } text)
            {
                var colon = text.IndexOfAny([':', '=']);
                labels[colon > 0 ? text[..colon].Trim() : text] = colon > 0 ? text[(colon + 1)..].Trim() : "true";
            }
        }

        return new Alert(
            AlertSource.Opsgenie,
            action,
            key ?? "",
            AlertJson.Text(alert, "message") ?? $"Opsgenie alert {key}",
            AlertJson.Text(alert, "entity"),
            AlertJson.Text(alert, "priority"),
            labels,
            null,
            Responder: AlertJson.Text(alert, "username"),
            PageKey: key);
    }
}
