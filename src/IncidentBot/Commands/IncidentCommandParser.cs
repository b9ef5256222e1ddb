using System.Text.RegularExpressions;
using IncidentBot.Incidents;

namespace IncidentBot.Commands;

/// <summary>Splits <c>/incident</c> text into words and reads the argument forms commands share.</summary>
public static partial class IncidentCommandParser
{
    /// <summary>The first word (as typed) and the rest, trimmed.</summary>
    public static (string First, string Remainder) FirstWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (trimmed, "") : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    /// <summary>A user mention as Slack sends it with escaped usernames (<c>&lt;@U123|ann&gt;</c>) or plain (<c>&lt;@U123&gt;</c>).</summary>
    public static ResponderId? MentionedUser(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var match = Mention().Match(word.Trim());
        return match.Success ? new ResponderId(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^<@([UW][A-Z0-9]{2,})(\|[^>]*)?>$", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
