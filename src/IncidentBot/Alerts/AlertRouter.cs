using IncidentBot.Incidents;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>The severity an alert is declared at: the first of <c>Alerts:Routes</c> it matches, else the default route.</summary>
public sealed class AlertRouter(IOptions<AlertsOptions> options, SeverityScheme scheme)
{
    public Severity Route(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var settings = options.Value;
        if (settings.Routes.FirstOrDefault(r => Matches(r, alert)) is { } route)
        {
            return route.Level is { } level ? scheme.Levels[Math.Clamp(level, 1, scheme.Levels.Count) - 1] : scheme.Named(route.Severity);
        }

        return settings.DefaultSeverity.Length > 0 ? scheme.Named(settings.DefaultSeverity) : scheme.Default;
    }

    private static bool Matches(AlertRouteOptions route, Alert alert) =>
        Same(route.Source, alert.SourceName)
        && Same(route.Service, alert.Service)
        && Same(route.Priority, alert.Priority)
        && route.Labels.All(l => alert.Labels.TryGetValue(l.Key, out var value) && string.Equals(value, l.Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>An empty condition matches anything; a given one only the same word, ignoring case.</summary>
    private static bool Same(string wanted, string? actual) =>
        wanted.Length == 0 || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
