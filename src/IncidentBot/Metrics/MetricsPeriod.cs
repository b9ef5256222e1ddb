using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Metrics;

/// <summary>
/// The incidents a metric covers: those declared in [<see cref="Start"/>, <see cref="End"/>). Typed as <c>30d</c> (the
/// last 30 days up to now) or <c>2026-11</c> (that calendar month in UTC); nothing means the last 30 days.
/// </summary>
public sealed partial record MetricsPeriod(Instant Start, Instant End, string Label)
{
    public const int DefaultDays = 30;
    private const int MaxDays = 3660;
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM");

    /// <summary>The <paramref name="days"/> up to and including <paramref name="now"/> (stored times have millisecond precision).</summary>
    public static MetricsPeriod LastDays(int days, Instant now) =>
        new(now - Duration.FromDays(days), now + Duration.FromMilliseconds(1), $"the last {days.ToString(CultureInfo.InvariantCulture)} days");

    public static MetricsPeriod Month(YearMonth month)
    {
        var start = month.OnDayOfMonth(1).AtMidnight().InUtc().ToInstant();
        var end = month.PlusMonths(1).OnDayOfMonth(1).AtMidnight().InUtc().ToInstant();
        return new MetricsPeriod(start, end, MonthPattern.Format(month));
    }

    /// <summary>A month as typed, <c>2026-11</c>; null when it is not one.</summary>
    public static YearMonth? ParseMonth(string text)
    {
        var parsed = MonthPattern.Parse((text ?? "").Trim());
        return parsed.Success ? parsed.Value : null;
    }

    /// <summary>Null when <paramref name="text"/> is neither <c>&lt;n&gt;d</c> nor <c>yyyy-MM</c>.</summary>
    public static MetricsPeriod? Parse(string text, Instant now)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return LastDays(DefaultDays, now);
        }

        var days = Days().Match(trimmed);
        if (days.Success && int.TryParse(days.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= MaxDays)
        {
            return LastDays(n, now);
        }

        return ParseMonth(trimmed) is { } month ? Month(month) : null;
    }

    [GeneratedRegex(@"^(\d{1,4})\s*d(ays?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Days();
}
