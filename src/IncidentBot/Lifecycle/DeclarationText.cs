using System.Globalization;
using System.Text.RegularExpressions;
using IncidentBot.Incidents;

namespace IncidentBot.Lifecycle;

/// <summary>
/// The text of <c>/incident create</c>: a title, then optionally, at the very end and in either order, one severity
/// token and the bare word <c>private</c> (a tired hand writing "breach p1 private" means a private incident, and
/// reading it as a public title would tell everyone). The <c>--private</c> flag counts wherever it is, first as in a
/// shell or inside the title too, and also with the dash a keyboard's smart punctuation makes of <c>--</c>: no title
/// is written that way, and taking it for a title word would announce to everyone what was meant to be private. A word inside the title is never taken for a severity ("Critical path latency up"
/// is a title); the severity is a configured name or alias (<c>SEV-1</c>, <c>sev1</c>, <c>p0</c>) or
/// <c>severity=2</c>, which means the level whose name ends in 2; a space inside the token (<c>SEV 1</c>, <c>severity 2</c>)
/// is read as if it were not there. A title in quotes loses its quotes.
/// </summary>
public sealed partial record DeclarationText(string Title, Severity? Severity, bool IsPrivate, string? Problem)
{
    public const string PrivateFlag = "--private";

    private const string PrivateWord = "private";

    private const string SeverityKey = "severity=";

    public static DeclarationText Parse(string text, SeverityScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scheme);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        Severity? severity = null;
        var isPrivate = words.RemoveAll(IsPrivateFlag) > 0;
        while (words.Count > 0)
        {
            // "SEV 1", "p 0", "severity 2": a tired hand's space inside the token still names the level.
            if (severity is null && words.Count >= 2 && Number().IsMatch(words[^1]) && SplitPrefix().IsMatch(words[^2]))
            {
                words[^2] = words[^2].Equals("severity", StringComparison.OrdinalIgnoreCase) ? SeverityKey + words[^1] : words[^2] + words[^1];
                words.RemoveAt(words.Count - 1);
            }

            var last = words[^1];
            if (!isPrivate && last.Equals(PrivateWord, StringComparison.OrdinalIgnoreCase))
            {
                isPrivate = true;
            }
            else if (severity is null && SeverityToken(last, scheme) is { } found)
            {
                severity = found;
            }
            else if (severity is null && LooksLikeSeverity(last))
            {
                return new DeclarationText("", null, isPrivate, $"`{last}` is not a severity. Use one of {scheme.Names}, or leave it out for {scheme.Default.Name}.");
            }
            else
            {
                break;
            }

            words.RemoveAt(words.Count - 1);
        }

        return new DeclarationText(Unquote(string.Join(' ', words)), severity, isPrivate, null);
    }

    /// <summary><c>--private</c>, or <c>—private</c> / <c>–private</c> as smart punctuation turns the two hyphens.</summary>
    private static bool IsPrivateFlag(string word) =>
        word.Equals(PrivateFlag, StringComparison.OrdinalIgnoreCase)
        || (word.Length == PrivateWord.Length + 1 && word[0] is '—' or '–' && word.EndsWith(PrivateWord, StringComparison.OrdinalIgnoreCase));

    /// <summary>A configured name or alias, or <c>severity=&lt;name, alias or number&gt;</c>.</summary>
    private static Severity? SeverityToken(string word, SeverityScheme scheme)
    {
        if (!word.StartsWith(SeverityKey, StringComparison.OrdinalIgnoreCase))
        {
            return scheme.Find(word);
        }

        var value = word[SeverityKey.Length..];
        return scheme.Find(value) ?? (Number().IsMatch(value) ? scheme.Levels.FirstOrDefault(l => EndsInNumber(l.Name, value)) : null);
    }

    private static bool EndsInNumber(string name, string number)
    {
        var digits = TrailingNumber().Match(name);
        return digits.Success
            && int.Parse(digits.Value, NumberStyles.None, CultureInfo.InvariantCulture) == int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A last word meant as a severity that names none (<c>sev9</c>, <c>p7</c>, <c>severity=high</c>): refused, not put in the title.</summary>
    private static bool LooksLikeSeverity(string word) =>
        word.StartsWith(SeverityKey, StringComparison.OrdinalIgnoreCase) || SeverityLike().IsMatch(word);

    private static string Unquote(string title) =>
        title.Length >= 2 && title[0] is '"' or '“' && title[^1] is '"' or '”' ? title[1..^1].Trim() : title;

    [GeneratedRegex("^[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex("[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();

    [GeneratedRegex("^(sev|p)-?[0-9]{1,3}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SeverityLike();

    [GeneratedRegex("^(sev|sev-|p|severity)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SplitPrefix();
}
