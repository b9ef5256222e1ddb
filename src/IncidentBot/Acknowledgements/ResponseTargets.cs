using System.Globalization;
using IncidentBot.Incidents;
using Microsoft.Extensions.Options;
using NodaTime;

namespace IncidentBot.Acknowledgements;

/// <summary>The configured response target of each severity, and when it falls due for an incident.</summary>
public sealed class ResponseTargets(IOptions<ResponseTargetsOptions> options, SeverityScheme scheme)
{
    private readonly Lazy<Dictionary<string, Duration?>> bySeverity = new(() => Build(options.Value, scheme));
    private readonly Lazy<DateTimeZone> zone = new(() => DateTimeZoneProviders.Tzdb[options.Value.TimeZone]);

    /// <summary>The handbooks' targets by rank, most severe first: 5 min, 30 min, 2 h, then the next business day.</summary>
    public static IReadOnlyList<string> DefaultsByRank { get; } = ["00:05:00", "00:30:00", "02:00:00", ResponseTargetsOptions.NextBusinessDay];

    /// <summary>Parses one target: a duration above zero, null for <see cref="ResponseTargetsOptions.NextBusinessDay"/>; false when it is neither (nor off).</summary>
    public static bool TryParse(string text, out Duration? target, out bool off)
    {
        ArgumentNullException.ThrowIfNull(text);
        target = null;
        off = string.Equals(text.Trim(), ResponseTargetsOptions.Off, StringComparison.OrdinalIgnoreCase);
        if (off || string.Equals(text.Trim(), ResponseTargetsOptions.NextBusinessDay, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            target = Duration.FromTimeSpan(span);
            return true;
        }

        return false;
    }

    /// <summary>When <paramref name="incident"/>'s target falls due, counted from its declaration; null when its severity has none.</summary>
    public Instant? DueFor(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!bySeverity.Value.TryGetValue(scheme.Named(incident.Severity).Name, out var target))
        {
            return null;
        }

        return target is { } after ? incident.DeclaredAt + after : EndOfNextBusinessDay(incident.DeclaredAt);
    }

    private Instant EndOfNextBusinessDay(Instant declared)
    {
        var day = declared.InZone(zone.Value).Date.PlusDays(1);
        while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            day = day.PlusDays(1);
        }

        return (day.AtMidnight() + Period.FromTicks(options.Value.BusinessDayEnds.Ticks)).InZoneLeniently(zone.Value).ToInstant();
    }

    private static Dictionary<string, Duration?> Build(ResponseTargetsOptions options, SeverityScheme scheme)
    {
        var targets = new Dictionary<string, Duration?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in options.Targets)
        {
            if (scheme.Find(name) is { } severity && TryParse(text, out var target, out var off) && !off)
            {
                targets[severity.Name] = target;
            }
        }

        return targets;
    }
}
