using NodaTime;

namespace IncidentBot.Alerts;

/// <summary>
/// One delivery of an alert, whatever its source said, read into what the bot needs: what to do, the key the source
/// groups by (<see cref="Key"/>, e.g. a PagerDuty incident id), what routing looks at (service, priority, labels),
/// how many alerts it stands for (an Alertmanager group) and when the first of them started, if the source says. An
/// acknowledgement also names who acknowledged (<see cref="Responder"/>, as the source names them) and the key the
/// source's incident was opened with (<see cref="PageKey"/>: the bot's own page is keyed by the incident's id, <c>INC-42</c>).
/// </summary>
public sealed record Alert(
    AlertSource Source,
    AlertAction Action,
    string Key,
    string Title,
    string? Service,
    string? Priority,
    IReadOnlyDictionary<string, string> Labels,
    string? Url,
    int Count = 1,
    Instant? StartedAt = null,
    string? Responder = null,
    string? PageKey = null)
{
    /// <summary>The source's own name for it in routes and messages: <c>pagerduty</c>, <c>opsgenie</c>, <c>alertmanager</c>.</summary>
    public string SourceName => Source.ToString().ToLowerInvariant();

    /// <summary>Unique across sources: <c>pagerduty:PT4KHLK</c>.</summary>
    public string DedupKey => SourceName + ":" + Key;

    /// <summary>How people name the source: <c>PagerDuty</c>.</summary>
    public string SourceTitle => Source.ToString();

    /// <summary>How messages name this alert: its source and key, or "group" for an Alertmanager group, whose key is long and internal.</summary>
    public string Reference => Source == AlertSource.Alertmanager ? "Alertmanager group" : $"{SourceTitle} {Key[..Math.Min(Key.Length, 80)]}";
}
