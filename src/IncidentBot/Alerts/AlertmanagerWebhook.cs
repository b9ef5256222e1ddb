using System.Text.Json;

namespace IncidentBot.Alerts;

/// <summary>
/// Prometheus Alertmanager's webhook receiver, version 4: one notification per group
/// (<c>{"version": "4", "status": "firing", "groupKey", "commonLabels", "commonAnnotations", "alerts": [...]}</c>),
/// sent with the bearer token of the receiver's <c>http_config.authorization</c>. The group is the alert: its groupKey
/// keys it, so three alerts firing together open one incident, and the group's later notifications join it.
/// </summary>
public static class AlertmanagerWebhook
{
    /// <summary>The group as one alert, or null when the body is not a version 4 notification with a groupKey, status and alerts.</summary>
    public static Alert? Parse(JsonElement root)
    {
        var status = AlertJson.Text(root, "status");
        if (AlertJson.Text(root, "version") != "4"
            || AlertJson.Text(root, "groupKey") is not { } groupKey
            || status is not ("firing" or "resolved")
            || AlertJson.Member(root, "alerts", JsonValueKind.Array) is not { } alerts)
        {
            return null;
        }

        var labels = AlertJson.Strings(AlertJson.Member(root, "commonLabels", JsonValueKind.Object));
        var annotations = AlertJson.Strings(AlertJson.Member(root, "commonAnnotations", JsonValueKind.Object));
        var groupLabels = AlertJson.Strings(AlertJson.Member(root, "groupLabels", JsonValueKind.Object));
        var members = alerts.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).ToList();
        var firing = members.Count(a => AlertJson.Text(a, "status") == "firing");
        var name = annotations.GetValueOrDefault("summary") ?? labels.GetValueOrDefault("alertname") ?? groupLabels.GetValueOrDefault("alertname") ?? "Alertmanager alert group";
        var started = members.Select(a => AlertJson.Time(AlertJson.Text(a, "startsAt"))).Where(t => t is not null).Min();
        return new Alert(
            AlertSource.Alertmanager,
            status == "firing" ? AlertAction.Trigger : AlertAction.Resolve,
            groupKey,
            name,
            labels.GetValueOrDefault("service") ?? labels.GetValueOrDefault("job"),
            labels.GetValueOrDefault("severity"),
            labels,
            AlertJson.Text(root, "externalURL"),
            status == "firing" ? Math.Max(firing, 1) : members.Count,
            started);
    }
}
