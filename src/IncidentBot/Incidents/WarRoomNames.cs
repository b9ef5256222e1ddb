using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Incidents;

/// <summary>
/// War-room channel names from the configured pattern: lowercase <c>a-z 0-9 -</c> only, at most 80 characters,
/// the slug cut to fit; <c>{yyyy-MM-dd}</c> (any NodaTime date pattern in braces), <c>{slug}</c> and <c>{id}</c> are replaced.
/// </summary>
public static partial class WarRoomNames
{
    public const int MaxLength = 80;
    private const int SuffixRoom = 4;
    private const string DrillPrefix = "drill-";

    public static string Plan(string pattern, string title, IncidentId id, Instant declaredAt)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var date = declaredAt.InUtc().Date;
        var withoutSlug = Replace(pattern, date, id, slug: "");
        var room = Math.Max(8, MaxLength - SuffixRoom - withoutSlug.Length);
        var slug = Slug(title, room);
        return Clean(Replace(pattern, date, id, slug), MaxLength - SuffixRoom);
    }

    /// <summary>A drill's war room: the planned name marked <c>drill-</c>, so nobody takes it for a real incident.</summary>
    public static string Drill(string planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return Clean(DrillPrefix + planned, MaxLength - SuffixRoom);
    }

    /// <summary>The name to try when <paramref name="planned"/> is taken: <c>planned-2</c>, <c>planned-3</c>, …</summary>
    public static string WithSuffix(string planned, int n)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
        return Clean(planned, MaxLength - suffix.Length) + suffix;
    }

    public static string Slug(string title, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder();
        foreach (var c in Words(title))
        {
            var folded = char.ToLowerInvariant(AccentFolding.Fold(c));
            if (folded is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(folded);
            }
            else if (AccentFolding.Spelled(c) is { } spelled)
            {
                slug.Append(spelled);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= maxLength)
            {
                break;
            }
        }

        // A letter spelled with two (ß → ss) may have gone one past the limit.
        var result = slug.ToString(0, Math.Min(slug.Length, maxLength)).Trim('-');
        return result.Length == 0 ? "incident" : result;
    }

    /// <summary>
    /// The words a reader sees in <paramref name="title"/>: HTML tags and entities, Slack's <c>&lt;…&gt;</c> tokens (a
    /// link or mention keeps only its label) and Markdown links (their label) are no words of the title, so
    /// <c>&lt;b&gt;bold&lt;/b&gt;</c> gives <c>bold</c>, not <c>b-bold-b</c>.
    /// </summary>
    private static string Words(string title)
    {
        // Slack sends what was typed with <, > and & as entities: a typed tag is still a tag.
        var text = title.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        text = MarkdownLink().Replace(text, m => m.Groups["label"].Value);
        text = AngleToken().Replace(text, m => m.Groups["label"].Success ? " " + m.Groups["label"].Value + " " : " ");
        return Entity().Replace(text, " ");
    }

    [GeneratedRegex(@"\[(?<label>[^\[\]]*)\]\([^()\s]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<(?:/?[A-Za-z][^<>|]*|!--[^<>]*|[@#!][^<>|]*|(?:https?|mailto):[^<>|]*)(?:\|(?<label>[^<>]*))?>")]
    private static partial Regex AngleToken();

    [GeneratedRegex(@"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")]
    private static partial Regex Entity();

    private static string Replace(string pattern, LocalDate date, IncidentId id, string slug)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var close = pattern[i] == '{' ? pattern.IndexOf('}', i) : -1;
            if (close < 0)
            {
                result.Append(pattern[i++]);
                continue;
            }

            var token = pattern[(i + 1)..close];
            result.Append(token switch
            {
                "slug" => slug,
                "id" => id.ToString(),
                _ => LocalDatePattern.CreateWithInvariantCulture(token).Format(date),
            });
            i = close + 1;
        }

        return result.ToString();
    }

    private static string Clean(string name, int maxLength)
    {
        var cleaned = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_';
            var next = ok ? c : '-';
            if (next == '-' && cleaned.Length > 0 && cleaned[^1] == '-')
            {
                continue;
            }

            cleaned.Append(next);
        }

        var result = cleaned.ToString();
        return (result.Length > maxLength ? result[..maxLength] : result).Trim('-');
    }
}
