using System.Text.RegularExpressions;
using IncidentBot.Messaging;
using IncidentBot.Slack;

namespace IncidentBot.Shortcuts;

/// <summary>
/// A title from a message's text: its first line that says something, with Slack's links, mentions and escapes read as
/// people see them, emphasis marks and runs of spaces dropped, cut to the title's limit.
/// </summary>
public static partial class MessageTitle
{
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(Tidy)
            .FirstOrDefault(l => l.Length > 0) ?? "";
        return SlackText.Truncate(line, TemplateModels.TitleMax);
    }

    private static string Tidy(string line)
    {
        var read = Token().Replace(line, m => m.Groups["label"].Success && m.Groups["label"].Length > 0
            ? m.Groups["label"].Value
            : m.Groups["target"].Value switch
            {
                ['@', ..] user => user,
                ['#', ..] channel => channel,
                ['!', .. var special] => "@" + special,
                var url => url,
            });
        read = read.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        read = Emphasis().Replace(read, "");
        return Spaces().Replace(read, " ").Trim();
    }

    /// <summary>Slack's <c>&lt;target|label&gt;</c>: links, user and channel mentions, <c>&lt;!here&gt;</c>.</summary>
    [GeneratedRegex(@"<(?<target>[^<>|]*)(\|(?<label>[^<>]*))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<!\w)[*_~`]+(?=\S)|(?<=\S)[*_~`]+(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
