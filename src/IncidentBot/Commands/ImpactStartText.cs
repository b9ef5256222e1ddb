using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Commands;

/// <summary>
/// When impact started, as people type it: <c>14:05</c> (today, or yesterday if that is still to come),
/// <c>2026-11-24 14:05</c>, either followed by an offset (<c>+01:00</c>, <c>-0500</c>, <c>Z</c>, <c>UTC</c>) and otherwise
/// in the typist's time zone, or <c>30m ago</c>, <c>2h ago</c>, <c>1h30m ago</c>. Only ASCII digits count, and no input
/// makes it throw: what it cannot read is null.
/// </summary>
public static partial class ImpactStartText
{
    public const string Examples = "`14:05`, `2026-11-24 14:05`, `14:05 +01:00` or `30m ago` (in your Slack time zone unless an offset is given)";

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd H:mm");
    private static readonly LocalDateTimePattern Long = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly LocalDateTimePattern Short = LocalDateTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly OffsetPattern[] Offsets =
    [
        OffsetPattern.CreateWithInvariantCulture("+HH:mm"),
        OffsetPattern.CreateWithInvariantCulture("+HHmm"),
        OffsetPattern.CreateWithInvariantCulture("+HH"),
    ];

    /// <summary>The instant, or null when the text is none of the forms; a time in the future is refused by the caller.</summary>
    public static Instant? Parse(string? text, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var trimmed = Normalize(text ?? "");
        if (trimmed.Length is 0 or > 64 || trimmed.Any(c => c > '\x7f'))
        {
            return null;
        }

        var ago = Ago().Match(trimmed);
        if (ago.Success)
        {
            var hours = ago.Groups["h"].Success ? int.Parse(ago.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
            var minutes = ago.Groups["m"].Success ? int.Parse(ago.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
            return ago.Groups["h"].Success || ago.Groups["m"].Success ? now - Duration.FromHours(hours) - Duration.FromMinutes(minutes) : null;
        }

        var (local, offset, known) = SplitOffset(trimmed);
        if (!known)
        {
            return null;
        }

        var full = DateTime.Parse(local);
        if (full.Success)
        {
            return full.Value.Year is < 1900 or > 9000 ? null : At(full.Value, offset, zone);
        }

        var time = Time.Parse(local);
        if (!time.Success)
        {
            return null;
        }

        var today = offset is { } o ? now.WithOffset(o).Date : now.InZone(zone).Date;
        var candidate = At(today.At(time.Value), offset, zone);
        return candidate > now ? At(today.PlusDays(-1).At(time.Value), offset, zone) : candidate;
    }

    /// <summary>
    /// The time as its typist reads it, and in UTC: <c>14:05 Europe/Berlin (13:05 UTC)</c>, with the date when it is not
    /// today's; in UTC alone when that is the typist's zone.
    /// </summary>
    public static string Echo(Instant at, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = at.InZone(zone);
        var utc = at.InUtc();
        var localText = (local.Date == now.InZone(zone).Date ? Short : Long).Format(local.LocalDateTime);
        if (zone == DateTimeZone.Utc)
        {
            return localText + " UTC";
        }

        var utcText = (utc.Date == local.Date ? Short : Long).Format(utc.LocalDateTime);
        return $"{localText} {zone.Id} ({utcText} UTC)";
    }

    private static Instant At(LocalDateTime local, Offset? offset, DateTimeZone zone) =>
        offset is { } o ? local.WithOffset(o).ToInstant() : local.InZoneLeniently(zone).ToInstant();

    /// <summary>Any run of white space as one space, and a typographic minus as <c>-</c>.</summary>
    private static string Normalize(string text) =>
        Space().Replace(text.Replace('\u2212', '-'), " ").Trim();

    /// <summary>The local part and the offset typed after it (null: none, so the typist's zone); not known when the trailing word is no offset.</summary>
    private static (string Local, Offset? Offset, bool Known) SplitOffset(string text)
    {
        var space = text.LastIndexOf(' ');
        var last = space < 0 ? "" : text[(space + 1)..];
        if (space < 0 || char.IsAsciiDigit(last[0]))
        {
            // "14:05" or "2026-11-24 14:05": the last word is the time itself.
            return (text, null, true);
        }

        var local = text[..space].Trim();
        if (last is "Z" or "z" || last.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return (local, Offset.Zero, true);
        }

        foreach (var pattern in Offsets)
        {
            var parsed = pattern.Parse(last);
            if (parsed.Success)
            {
                return (local, parsed.Value, true);
            }
        }

        return (local, null, false);
    }

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,3}) ?h)? ?(?:(?<m>[0-9]{1,4}) ?m(?:in)?)? ago$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ago();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();
}
