using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Commands;

/// <summary>
/// When impact started, as people type it: <c>14:05</c> (today, or yesterday if that is still to come),
/// <c>2026-11-24 14:05</c>, either followed by an offset (<c>+01:00</c>, <c>-0500</c>, <c>Z</c>) and otherwise in UTC,
/// or <c>30m ago</c>, <c>2h ago</c>, <c>1h30m ago</c>.
/// </summary>
public static partial class ImpactStartText
{
    public const string Examples = "`14:05`, `2026-11-24 14:05`, `14:05 +01:00` or `30m ago` (UTC unless an offset is given)";

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd H:mm");
    private static readonly OffsetPattern[] Offsets =
    [
        OffsetPattern.CreateWithInvariantCulture("+HH:mm"),
        OffsetPattern.CreateWithInvariantCulture("+HHmm"),
        OffsetPattern.CreateWithInvariantCulture("+HH"),
    ];

    /// <summary>The instant, or null when the text is none of the forms; a time in the future is refused by the caller.</summary>
    public static Instant? Parse(string text, Instant now)
    {
        var trimmed = (text ?? "").Trim();
        var ago = Ago().Match(trimmed);
        if (ago.Success)
        {
            var hours = ago.Groups["h"].Success ? int.Parse(ago.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            var minutes = ago.Groups["m"].Success ? int.Parse(ago.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            return ago.Groups["h"].Success || ago.Groups["m"].Success ? now - Duration.FromHours(hours) - Duration.FromMinutes(minutes) : null;
        }

        var (local, offset) = SplitOffset(trimmed);
        if (offset is not { } zone)
        {
            return null;
        }

        var full = DateTime.Parse(local);
        if (full.Success)
        {
            return full.Value.WithOffset(zone).ToInstant();
        }

        var time = Time.Parse(local);
        if (!time.Success)
        {
            return null;
        }

        var today = now.WithOffset(zone).Date;
        var candidate = today.At(time.Value).WithOffset(zone).ToInstant();
        return candidate > now ? today.PlusDays(-1).At(time.Value).WithOffset(zone).ToInstant() : candidate;
    }

    /// <summary>The local part and its offset: UTC when none is given, null when the trailing word is not an offset.</summary>
    private static (string Local, Offset? Offset) SplitOffset(string text)
    {
        var space = text.LastIndexOf(' ');
        var last = space < 0 ? "" : text[(space + 1)..];
        if (space < 0 || char.IsDigit(last[0]))
        {
            // "14:05" or "2026-11-24 14:05": the last word is the time itself.
            return (text, Offset.Zero);
        }

        var local = text[..space].Trim();
        if (last is "Z" or "z" || last.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return (local, Offset.Zero);
        }

        foreach (var pattern in Offsets)
        {
            var parsed = pattern.Parse(last);
            if (parsed.Success)
            {
                return (local, parsed.Value);
            }
        }

        return (local, null);
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,3})\s*h)?\s*(?:(?<m>\d{1,4})\s*m(?:in)?)?\s+ago$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ago();
}
